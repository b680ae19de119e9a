package dev.autouser.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One sighting of a user in use.
 *
 * @param at     when it was seen in use (for a session seen over a span, the latest moment)
 * @param app    the application name the client gave ({@code appName}, {@code application_name}), or empty
 * @param client the client's address ({@code 10.0.0.5:51234}), or empty
 */
public record Activity(Instant at, EvidenceSource source, String app, String client) {
    public Activity {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        app = app == null ? "" : app;
        client = client == null ? "" : client;
    }
}
