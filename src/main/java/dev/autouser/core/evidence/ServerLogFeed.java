package dev.autouser.core.evidence;

import dev.autouser.core.history.ActivitySink;
import dev.autouser.core.mongo.MongoGateway;

import java.util.Objects;
import java.util.Optional;

/**
 * The GUI's server-log source: on each refresh (on the refresh's own background thread, one
 * {@code getLog} at most) the last authentication of each user goes into the history as
 * server-log activity, before the listing is recorded and read. When the log is unavailable the
 * reason ("Server log unavailable: …") is given once, and again only when it changes.
 */
public final class ServerLogFeed {
    private final MongoGateway gateway;
    private final String server;
    private final ActivitySink history;
    private String lastSaid = "";

    /** @param server the history's name of the server ({@code ServerName.fromUri}) */
    public ServerLogFeed(MongoGateway gateway, String server, ActivitySink history) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.server = Objects.requireNonNull(server, "server");
        this.history = Objects.requireNonNull(history, "history");
    }

    /** Reads the log once into the history; returns the unavailable sentence when it is new. */
    public synchronized Optional<String> feed() {
        ServerLogEvidence log = ServerLogEvidence.read(gateway);
        history.recordActivity(log.sightings(server));
        String said = log.unavailable().orElse("");
        if (said.equals(lastSaid)) {
            return Optional.empty();
        }
        lastSaid = said;
        return log.unavailable();
    }
}
