package dev.autouser.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads users' evidence: one row per user and evidence source (the user, its last activity per source, Teleport's
 * latest lock or drop and who used it), folded into one {@link UserEvidence} per user. The same rows also give each
 * user's stored id, state and lock, so a listing can be recorded against them without a second pass over the users.
 */
final class EvidenceReader {
    /** A user's stored state, as the writer compares a listing against it. */
    record Known(long id, ObservedState state, boolean locked) {
    }

    /** Takes each user's stored state while the evidence is read. */
    interface KnownSink {
        void accept(String name, Known known);
    }

    private static final String SELECT = "SELECT u.id, u.name, u.first_seen, u.state, u.state_since, u.locked,"
            + " u.locked_since, u.unlocked_since, u.dropped_at, a.source, a.at, a.app, a.client, d.at, d.succeeded,"
            + " d.dropped, d.error, i.at, i.teleport_user, i.teleport_roles, i.database_roles FROM user u"
            + " LEFT JOIN last_activity a ON a.user_id = u.id LEFT JOIN teleport_deactivation d ON d.user_id = u.id"
            + " LEFT JOIN teleport_identity i ON i.user_id = u.id";
    /** Users re-read by id per statement (SQLite allows 32,766 parameters; a small batch keeps statements cheap). */
    private static final int IDS_PER_QUERY = 500;

    private final Connection connection;

    EvidenceReader(Connection connection) {
        this.connection = connection;
    }

    /** Every user of one server (by the server's row id), with its stored state to {@code known}. */
    Map<String, UserEvidence> all(long serverId, String server, String engine, KnownSink known) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE u.server_id = ?")) {
            select.setLong(1, serverId);
            return fold(select, server, engine, known);
        }
    }

    /** Every user of one server by name and engine; empty when the history does not know the server. */
    Map<String, UserEvidence> all(String server, String engine) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " JOIN server s ON s.id = u.server_id"
                + " WHERE s.name = ? AND s.engine = ?")) {
            select.setString(1, server);
            select.setString(2, engine);
            return fold(select, server, engine, (name, k) -> { });
        }
    }

    /** The users with these row ids (all of one server). */
    Map<String, UserEvidence> byIds(Collection<Long> ids, String server, String engine) throws SQLException {
        Map<String, UserEvidence> evidence = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE u.id IN (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    select.setLong(i + 1, part.get(i));
                }
                evidence.putAll(fold(select, server, engine, (name, k) -> { }));
            }
        }
        return evidence;
    }

    private static Map<String, UserEvidence> fold(PreparedStatement select, String server, String engine, KnownSink known)
            throws SQLException {
        Map<String, Builder> byUser = new HashMap<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(2);
                Builder user = byUser.get(name);
                if (user == null) {
                    user = new Builder(rows);
                    byUser.put(name, user);
                    known.accept(name, new Known(rows.getLong(1), user.state, user.locked));
                }
                String source = rows.getString(10);
                if (source != null) {
                    EvidenceSource evidenceSource = EvidenceSource.valueOf(source);
                    user.activity.put(evidenceSource, new Activity(Instant.ofEpochMilli(rows.getLong(11)), evidenceSource,
                            rows.getString(12), rows.getString(13)));
                }
            }
        }
        Map<String, UserEvidence> evidence = new HashMap<>(byUser.size() * 4 / 3 + 1);
        byUser.forEach((name, user) -> evidence.put(name, user.build(new UserKey(server, engine, name))));
        return evidence;
    }

    /** One user's columns, read once from its first row; its activity rows add to it. */
    private static final class Builder {
        private final ObservedState state;
        private final boolean locked;
        private final Optional<Instant> firstSeen;
        private final Optional<Instant> lockedSince;
        private final Optional<Instant> unlockedSince;
        private final Optional<Instant> notCleanedUpSince;
        private final Optional<Instant> droppedAt;
        private final Optional<TeleportDeactivation> deactivation;
        private final Optional<TeleportIdentity> identity;
        private final Map<EvidenceSource, Activity> activity = new EnumMap<>(EvidenceSource.class);

        Builder(ResultSet rows) throws SQLException {
            state = ObservedState.fromWord(rows.getString(4));
            locked = rows.getInt(6) == 1;
            boolean dropped = state == ObservedState.DROPPED;
            firstSeen = Optional.of(Instant.ofEpochMilli(rows.getLong(3)));
            lockedSince = locked && !dropped ? instant(rows, 7) : Optional.empty();
            unlockedSince = !locked && !dropped ? instant(rows, 8) : Optional.empty();
            notCleanedUpSince = state == ObservedState.NOT_CLEANED_UP ? instant(rows, 5) : Optional.empty();
            droppedAt = instant(rows, 9);
            Optional<Instant> deactivatedAt = instant(rows, 14);
            deactivation = deactivatedAt.isEmpty() ? Optional.empty() : Optional.of(new TeleportDeactivation(
                    deactivatedAt.get(), rows.getInt(15) == 1, rows.getInt(16) == 1, rows.getString(17)));
            Optional<Instant> identifiedAt = instant(rows, 18);
            identity = identifiedAt.isEmpty() ? Optional.empty() : Optional.of(new TeleportIdentity(identifiedAt.get(),
                    rows.getString(19), RoleList.read(rows.getString(20)), RoleList.read(rows.getString(21))));
        }

        UserEvidence build(UserKey key) {
            return new UserEvidence(key, firstSeen, activity, lockedSince, unlockedSince, notCleanedUpSince, droppedAt,
                    deactivation, identity);
        }
    }

    private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
