package dev.autouser.ui.connect;

import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.ui.support.ConsoleSession;

import java.util.Optional;
import java.util.function.Supplier;

/** Connects through core's {@link MongoGateway}; the demo is started by the given launcher. */
public final class GatewayConnector implements Connector {
    private final Supplier<ConsoleSession> demo;

    public GatewayConnector(Supplier<ConsoleSession> demo) {
        this.demo = demo;
    }

    @Override
    public ConsoleSession connect(ConnectionProfile profile, char[] passwordOrNull) {
        MongoGateway gateway = MongoGateway.connect(profile, passwordOrNull);
        if (passwordOrNull != null) {
            java.util.Arrays.fill(passwordOrNull, '\0');
        }
        return new ConsoleSession(profile, gateway, gateway.facts(), Optional.empty());
    }

    @Override
    public ConsoleSession startDemo() {
        return demo.get();
    }
}
