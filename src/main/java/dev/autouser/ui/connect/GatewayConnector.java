package dev.autouser.ui.connect;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.PostgresProfile;
import dev.autouser.ui.support.ConsoleSession;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Connects through core's gateways: {@link MongoGateway}, or {@link PostgresGateway} for a
 * {@code postgresql://} URI; the demo is started by the given launcher.
 */
public final class GatewayConnector implements Connector {
    private final Supplier<ConsoleSession> demo;
    private final Supplier<ConsoleSession> postgresDemo;

    public GatewayConnector(Supplier<ConsoleSession> demo) {
        this(demo, () -> {
            throw new dev.autouser.core.ConsoleException("There is no PostgreSQL demo here.");
        });
    }

    /** {@code postgresDemo}: starts the PostgreSQL demo ({@link PostgresDemoLauncher}). */
    public GatewayConnector(Supplier<ConsoleSession> demo, Supplier<ConsoleSession> postgresDemo) {
        this.demo = demo;
        this.postgresDemo = postgresDemo;
    }

    @Override
    public ConsoleSession connect(ConnectionProfile profile, char[] passwordOrNull) {
        try {
            if (Engine.ofUri(profile.uri()) == Engine.POSTGRESQL) {
                if (profile.username().isPresent()) {
                    throw new dev.autouser.core.ConsoleException("For PostgreSQL, put the user in the URI"
                            + " (postgresql://USER@HOST:5432/DB) and leave the username field empty.");
                }
                PostgresGateway gateway = PostgresGateway.connect(postgresProfile(profile), passwordOrNull, null);
                return ConsoleSession.postgres(profile, new PostgresEngine(gateway,
                        dev.autouser.core.postgres.teleport.PostgresTeleportProvisioning::new), Optional.empty());
            }
            MongoGateway gateway = MongoGateway.connect(profile, passwordOrNull);
            return ConsoleSession.mongo(profile, gateway, Optional.empty());
        } finally {
            if (passwordOrNull != null) {
                java.util.Arrays.fill(passwordOrNull, '\0');
            }
        }
    }

    /**
     * The form's fields as PostgreSQL reads them (as the CLI does): the CA, the client certificate and
     * its key ({@code tctl auth sign --format=db} writes them apart; a combined PEM serves as both).
     */
    public static PostgresProfile postgresProfile(ConnectionProfile profile) {
        return new PostgresProfile(profile.uri(), profile.tlsCaFile(), profile.tlsCertFile(),
                profile.tlsKeyFile().or(profile::tlsCertFile), profile.tlsAllowInvalid(), PostgresProfile.DEFAULT_TIMEOUT);
    }

    @Override
    public ConsoleSession startDemo() {
        return demo.get();
    }

    @Override
    public ConsoleSession startPostgresDemo() {
        return postgresDemo.get();
    }
}
