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

    /** Throws when the server no longer answers; {@link ServerHealth} calls it every few seconds. */
    public void ping() {
        gateway.ping();
    }

    /**
     * This session, taking over the embedded server {@code previous} runs when both talk to the same
     * address: pressing Connect on the demo profile must not stop the demo it connects to.
     */
    public ConsoleSession adoptingServerOf(ConsoleSession previous) {
        if (ownedServer.isPresent() || previous.ownedServer.isEmpty() || !profile.uri().equals(previous.profile.uri())) {
            return this;
        }
        return new ConsoleSession(profile, gateway, facts, previous.ownedServer);
    }

    /** The same session without its embedded server (it has been handed to the session that replaces it). */
    public ConsoleSession withoutServer() {
        return new ConsoleSession(profile, gateway, facts, Optional.empty());
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
