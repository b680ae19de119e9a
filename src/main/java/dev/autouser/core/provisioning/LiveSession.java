package dev.autouser.core.provisioning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One client connection authenticated as an auto-user, from {@code $currentOp} (MongoDB) or
 * {@code pg_stat_activity} (PostgreSQL).
 *
 * @param connectionId MongoDB's connection id, PostgreSQL's backend pid
 * @param clientAddress empty when the server does not say (a Unix socket, or PostgreSQL hiding another
 *                     user's details from an identity without {@code pg_read_all_stats})
 * @param node         where the connection is: the member or router that reported it ({@code localhost:27018
 *                     (secondary)}), empty on a standalone
 * @param database     the database the session is connected to (PostgreSQL), empty when not known
 * @param startedAt    when the connection started (PostgreSQL {@code backend_start}), if known
 * @param state        what it is doing (PostgreSQL {@code state}: active, idle, idle in transaction), empty when not known
 */
public record LiveSession(long connectionId, String clientAddress, String appName, String node,
                          String database, Optional<Instant> startedAt, String state) {
    public LiveSession {
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(state, "state");
    }

    /** A MongoDB session, on the node that reported it. */
    public LiveSession(long connectionId, String clientAddress, String appName, String node) {
        this(connectionId, clientAddress, appName, node, "", Optional.empty(), "");
    }

    /** A session on a standalone server, where there is only one place to be. */
    public LiveSession(long connectionId, String clientAddress, String appName) {
        this(connectionId, clientAddress, appName, "");
    }
}
