package dev.autouser.core.history;

import java.util.List;
import java.util.Objects;

/**
 * One user as one listing showed it, engine-neutral: its database name, whether it is locked
 * (MongoDB: authentication restricted to 0.0.0.0; PostgreSQL: NOLOGIN), and its live sessions.
 *
 * @param sessions one entry per live session: {@code app} and {@code client} (addresses)
 */
public record ObservedUser(String user, boolean locked, List<Session> sessions) {
    public ObservedUser {
        Objects.requireNonNull(user, "user");
        sessions = List.copyOf(sessions);
    }

    public boolean active() {
        return !sessions.isEmpty();
    }

    /** A live session's application name and client address (either may be empty). */
    public record Session(String app, String client) {
        public Session {
            app = app == null ? "" : app;
            client = client == null ? "" : client;
        }
    }
}
