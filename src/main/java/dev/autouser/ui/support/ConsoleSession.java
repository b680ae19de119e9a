package dev.autouser.ui.support;

import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.ServerFacts;

import java.util.Optional;

/**
 * One open connection as the GUI uses it: the profile it came from, the gateway, what the server
 * told us, and, for the demo, the embedded server to stop when the session ends.
 */
public record ConsoleSession(ConnectionProfile profile, MongoGateway gateway, ServerFacts facts,
                             Optional<AutoCloseable> ownedServer) implements AutoCloseable {
    public String serverLabel() {
        String label = profile.name().isBlank() ? gateway.server() : profile.name() + " · " + gateway.server();
        return label + " (" + facts.topology().label() + ")";
    }

    public String identityLabel() {
        return facts.identity();
    }

    public String versionLabel() {
        return "MongoDB " + facts.version();
    }

    @Override
    public void close() {
        gateway.close();
        ownedServer.ifPresent(server -> {
            try {
                server.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ConsoleSession.class).warn("Stopping the demo server failed", e);
            }
        });
    }
}
