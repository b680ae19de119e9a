package dev.autouser.ui.connect;

import dev.autouser.core.AppDirs;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.sandbox.postgres.RunningPostgresDemo;
import dev.autouser.ui.support.ConsoleSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Starts the PostgreSQL demo in-process (what {@code demo-server --engine postgres} runs: a real embedded
 * PostgreSQL with TLS from the demo CA, Teleport's auto-users in every state, sessions that come and go)
 * and connects to it as the demo DBA with its certificate. The session owns the demo: closing it stops it.
 */
public final class PostgresDemoLauncher {
    public static final String PROFILE_NAME = "PostgreSQL demo";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDemoLauncher.class);

    private PostgresDemoLauncher() {
    }

    public static ConsoleSession start(AppDirs dirs) {
        return start(RunningPostgresDemo.Settings.defaults(dirs.demoPki()));
    }

    /** {@code settings} may slow the sessions down (tests). */
    public static ConsoleSession start(RunningPostgresDemo.Settings settings) {
        RunningPostgresDemo demo;
        try {
            demo = RunningPostgresDemo.start(settings, step -> LOG.info("PostgreSQL demo: {}", step));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException("Starting the PostgreSQL demo was interrupted.", e);
        } catch (SQLException e) {
            throw new ConsoleException("The PostgreSQL demo could not start: " + e.getMessage(), e);
        }
        try {
            // The files go in the form's fields (not in the URI), as a DBA enters tctl's files.
            ConnectionProfile profile = ConnectionProfile.builder("postgresql://localhost:" + demo.server().port()
                            + "/postgres?sslmode=verify-full").name(PROFILE_NAME).tlsCaFile(Optional.of(demo.pki().caFile()))
                    .tlsCertFile(Optional.of(demo.seeded().dbaFile())).build();
            PostgresGateway gateway = PostgresGateway.connect(GatewayConnector.postgresProfile(profile), null, null);
            return ConsoleSession.postgres(profile, new PostgresEngine(gateway,
                    dev.autouser.core.postgres.teleport.PostgresTeleportProvisioning::new), Optional.of(demo));
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }
}
