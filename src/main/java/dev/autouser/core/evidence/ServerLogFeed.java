package dev.autouser.core.evidence;

import dev.autouser.core.history.ActivitySink;
import dev.autouser.core.mongo.MongoGateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The GUI's server-log source: before a refresh's listing is recorded (on the refresh's own background
 * thread) the last authentication of each user goes into the history as server-log activity. The log
 * is read at most once per {@link #DEFAULT_INTERVAL} on the timer's refreshes (each {@code getLog} sends
 * up to 1,024 lines; the Users page refreshes every 5 s), and always when a person asks for a refresh.
 * When the log is unavailable the reason ("Server log unavailable: …") is given once, and again only
 * when it changes.
 */
public final class ServerLogFeed {
    /** How often the timer's refreshes read the log. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private final MongoGateway gateway;
    private final String server;
    private final ActivitySink history;
    private final Clock clock;
    private final Duration interval;
    private Instant lastRead;
    private String lastSaid = "";

    /** @param server the history's name of the server ({@code ServerName.fromUri}) */
    public ServerLogFeed(MongoGateway gateway, String server, ActivitySink history) {
        this(gateway, server, history, Clock.systemUTC(), DEFAULT_INTERVAL);
    }

    public ServerLogFeed(MongoGateway gateway, String server, ActivitySink history, Clock clock, Duration interval) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.server = Objects.requireNonNull(server, "server");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** A timer's refresh: reads the log when it was last read {@code interval} ago or more (or never). */
    public synchronized Optional<String> feed() {
        Instant now = clock.instant();
        if (lastRead != null && Duration.between(lastRead, now).compareTo(interval) < 0) {
            return Optional.empty();
        }
        return read(now);
    }

    /** A refresh a person asked for: reads the log now. Returns the unavailable sentence when it is new. */
    public synchronized Optional<String> feedNow() {
        return read(clock.instant());
    }

    private Optional<String> read(Instant now) {
        lastRead = now;
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
