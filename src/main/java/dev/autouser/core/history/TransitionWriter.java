package dev.autouser.core.history;

import dev.autouser.core.history.EvidenceReader.Known;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The writes of {@link HistoryStore}: a listing becomes changes of state (a new user, a lock, an
 * unlock, a new active spell, a drop), never a row per listing; the last activity per source is one
 * row per user, updated in place.
 */
final class TransitionWriter {
    private final Connection connection;

    TransitionWriter(Connection connection) {
        this.connection = connection;
    }

    void record(ObservedListing listing) throws SQLException {
        recordAll(List.of(listing));
    }

    void recordAll(List<ObservedListing> listings) throws SQLException {
        inTransaction(() -> {
            for (ObservedListing listing : listings) {
                long serverId = serverId(listing.server(), listing.engine());
                if (listing.at().toEpochMilli() >= lastListed(serverId)) {
                    recordOne(listing, serverId, known(serverId));
                }
            }
        });
    }

    /**
     * Records {@code listing} and returns every user's evidence on its server in one transaction and one pass over
     * the users: the evidence read first gives the stored state to compare with, then the users the listing touched
     * are read again. A listing older than the last one recorded changes nothing (another process was faster).
     */
    Map<String, UserEvidence> recordAndRead(ObservedListing listing, EvidenceReader reader) throws SQLException {
        Map<String, UserEvidence> evidence = new HashMap<>();
        inTransaction(() -> {
            long serverId = serverId(listing.server(), listing.engine());
            Map<String, Known> known = new HashMap<>();
            evidence.putAll(reader.all(serverId, listing.server(), listing.engine(), known::put));
            if (listing.at().toEpochMilli() >= lastListed(serverId)) {
                Set<Long> touched = recordOne(listing, serverId, known);
                evidence.putAll(reader.byIds(touched, listing.server(), listing.engine()));
            }
        });
        return evidence;
    }

    /** Returns the ids of the users whose stored rows it changed (new, changed, active or gone). */
    private Set<Long> recordOne(ObservedListing listing, long serverId, Map<String, Known> known) throws SQLException {
        long at = listing.at().toEpochMilli();
        Set<Long> touched = new HashSet<>();
        try (PreparedStatement insertUser = connection.prepareStatement("INSERT INTO user (server_id, name,"
                + " first_seen, state, state_since, locked, locked_since) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement changeState = connection.prepareStatement("UPDATE user SET state = ?,"
                     + " state_since = CASE WHEN state = ? THEN state_since ELSE ? END, locked = ?,"
                     + " locked_since = CASE WHEN ? = 1 AND locked = 0 THEN ? ELSE locked_since END,"
                     + " unlocked_since = CASE WHEN ? = 0 AND locked = 1 THEN ? ELSE unlocked_since END,"
                     + " dropped_at = NULL WHERE id = ?");
             PreparedStatement transition = transitionStatement();
             PreparedStatement activity = activityStatement()) {
            for (ObservedUser user : listing.users()) {
                ObservedState state = ObservedState.of(user);
                Known was = known.remove(user.user());
                String app = joined(user, ObservedUser.Session::app);
                String client = joined(user, ObservedUser.Session::client);
                long userId;
                if (was == null) {
                    userId = insertUser(insertUser, serverId, user, state, at);
                } else {
                    userId = was.id();
                    if (was.state() != state || was.locked() != user.locked()) {
                        int locked = user.locked() ? 1 : 0;
                        bind(changeState, state.word(), state.word(), at, locked, locked, at, locked, at, userId);
                        changeState.executeUpdate();
                    }
                }
                if (was == null || was.state() != state) {
                    bind(transition, serverId, userId, at, state.word(), app, client);
                    transition.addBatch();
                    touched.add(userId);
                } else if (was.locked() != user.locked()) {
                    touched.add(userId);
                }
                if (user.active()) {
                    bind(activity, userId, EvidenceSource.OBSERVED.name(), at, app, client);
                    activity.addBatch();
                    touched.add(userId);
                }
            }
            touched.addAll(markDropped(serverId, known, at, transition));
            transition.executeBatch();
            activity.executeBatch();
        }
        try (PreparedStatement listed = connection.prepareStatement("UPDATE server SET last_listed = ? WHERE id = ?")) {
            bind(listed, at, serverId);
            listed.executeUpdate();
        }
        return touched;
    }

    private long insertUser(PreparedStatement insert, long serverId, ObservedUser user, ObservedState state, long at)
            throws SQLException {
        bind(insert, serverId, user.user(), at, state.word(), at, user.locked() ? 1 : 0, user.locked() ? at : null);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    /** Users this server had and the listing lacks are gone (dropped by Teleport, the console or a person). */
    private Set<Long> markDropped(long serverId, Map<String, Known> missing, long at, PreparedStatement transition)
            throws SQLException {
        Set<Long> dropped = new HashSet<>();
        try (PreparedStatement drop = connection.prepareStatement(
                "UPDATE user SET state = 'dropped', state_since = ?, dropped_at = ? WHERE id = ?")) {
            for (Known gone : missing.values()) {
                if (gone.state() == ObservedState.DROPPED || gone.state() == ObservedState.UNLISTED) {
                    continue;
                }
                bind(drop, at, at, gone.id());
                drop.addBatch();
                bind(transition, serverId, gone.id(), at, ObservedState.DROPPED.word(), "", "");
                transition.addBatch();
                dropped.add(gone.id());
            }
            drop.executeBatch();
        }
        return dropped;
    }

    void recordActivity(Collection<ActivitySink.Sighting> sightings) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement activity = activityStatement()) {
                Map<String, Long> servers = new HashMap<>();
                for (ActivitySink.Sighting sighting : sightings) {
                    UserKey key = sighting.key();
                    long serverId = serverId(key, servers);
                    long userId = userIdOrUnlisted(serverId, key.user(), sighting.activity().at().toEpochMilli());
                    Activity seen = sighting.activity();
                    bind(activity, userId, seen.source().name(), seen.at().toEpochMilli(), seen.app(), seen.client());
                    activity.addBatch();
                }
                activity.executeBatch();
            }
        });
    }

    void recordTeleportDeactivations(Collection<ActivitySink.Deactivated> deactivations) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO teleport_deactivation (user_id,"
                    + " at, succeeded, dropped, error) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
                    + " at = excluded.at, succeeded = excluded.succeeded, dropped = excluded.dropped,"
                    + " error = excluded.error WHERE excluded.at > teleport_deactivation.at")) {
                Map<String, Long> servers = new HashMap<>();
                for (ActivitySink.Deactivated one : deactivations) {
                    UserKey key = one.key();
                    TeleportDeactivation done = one.deactivation();
                    long at = done.at().toEpochMilli();
                    long userId = userIdOrUnlisted(serverId(key, servers), key.user(), at);
                    bind(upsert, userId, at, done.succeeded() ? 1 : 0, done.drop() ? 1 : 0, done.error());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    void recordTeleportIdentities(Collection<ActivitySink.Identified> identities) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO teleport_identity (user_id, at,"
                    + " teleport_user, teleport_roles, database_roles) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id)"
                    + " DO UPDATE SET at = excluded.at, teleport_user = excluded.teleport_user,"
                    + " teleport_roles = excluded.teleport_roles, database_roles = excluded.database_roles"
                    + " WHERE excluded.at >= teleport_identity.at")) {
                Map<String, Long> servers = new HashMap<>();
                for (ActivitySink.Identified one : identities) {
                    UserKey key = one.key();
                    TeleportIdentity identity = one.identity();
                    long at = identity.at().toEpochMilli();
                    long userId = userIdOrUnlisted(serverId(key, servers), key.user(), at);
                    bind(upsert, userId, at, identity.teleportUser(), RoleList.write(identity.teleportRoles()),
                            RoleList.write(identity.databaseRoles()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** A user known only from imported evidence starts as "unlisted", first seen at that evidence. */
    private long userIdOrUnlisted(long serverId, String user, long at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO user (server_id, name, first_seen,"
                + " state, state_since, locked) VALUES (?, ?, ?, 'unlisted', ?, 0) ON CONFLICT (server_id, name)"
                + " DO UPDATE SET first_seen = min(first_seen, excluded.first_seen)")) {
            bind(insert, serverId, user, at, at);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM user WHERE server_id = ? AND name = ?")) {
            bind(select, serverId, user);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    void forgetDemoServers() throws SQLException {
        inTransaction(() -> {
            try (Statement statement = connection.createStatement()) {
                String demo = "SELECT id FROM server WHERE demo = 1";
                statement.executeUpdate("DELETE FROM last_activity WHERE user_id IN (SELECT id FROM user WHERE server_id IN ("
                        + demo + "))");
                statement.executeUpdate("DELETE FROM teleport_deactivation WHERE user_id IN (SELECT id FROM user"
                        + " WHERE server_id IN (" + demo + "))");
                statement.executeUpdate("DELETE FROM teleport_identity WHERE user_id IN (SELECT id FROM user"
                        + " WHERE server_id IN (" + demo + "))");
                statement.executeUpdate("DELETE FROM transition WHERE server_id IN (" + demo + ")");
                statement.executeUpdate("DELETE FROM user WHERE server_id IN (" + demo + ")");
                statement.executeUpdate("DELETE FROM server WHERE demo = 1");
            }
        });
    }

    void markDemo(String server, String engine) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement demo = connection.prepareStatement("UPDATE server SET demo = 1 WHERE id = ?")) {
                bind(demo, serverId(server, engine));
                demo.executeUpdate();
            }
        });
    }

    /**
     * Deletes transitions older than {@code cutoff} (but each user's latest, which the chart needs to
     * know the user's state), then the oldest beyond {@code maxTransitions}, then users dropped before
     * {@code cutoff} with everything about them. Returns the transitions deleted.
     */
    int retain(long cutoff, long maxTransitions, long now) throws SQLException {
        int[] deleted = new int[1];
        inTransaction(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMP TABLE IF NOT EXISTS latest (id INTEGER PRIMARY KEY)");
                statement.execute("DELETE FROM temp.latest");
                statement.execute("INSERT INTO temp.latest SELECT max(id) FROM transition GROUP BY user_id");
                deleted[0] += statement.executeUpdate("DELETE FROM transition WHERE at < " + cutoff
                        + " AND id NOT IN (SELECT id FROM temp.latest)");
                long count = count(statement, "SELECT count(*) FROM transition");
                if (count > maxTransitions) {
                    deleted[0] += statement.executeUpdate("DELETE FROM transition WHERE id IN (SELECT id FROM transition"
                            + " WHERE id NOT IN (SELECT id FROM temp.latest) ORDER BY at, id LIMIT "
                            + (count - maxTransitions) + ")");
                }
                String goneUsers = "SELECT id FROM user WHERE dropped_at IS NOT NULL AND dropped_at < " + cutoff;
                statement.executeUpdate("DELETE FROM last_activity WHERE user_id IN (" + goneUsers + ")");
                statement.executeUpdate("DELETE FROM teleport_deactivation WHERE user_id IN (" + goneUsers + ")");
                statement.executeUpdate("DELETE FROM teleport_identity WHERE user_id IN (" + goneUsers + ")");
                deleted[0] += statement.executeUpdate("DELETE FROM transition WHERE user_id IN (" + goneUsers + ")");
                statement.executeUpdate("DELETE FROM user WHERE dropped_at IS NOT NULL AND dropped_at < " + cutoff);
                statement.executeUpdate("INSERT INTO meta (key, value) VALUES ('retained_at', '" + now
                        + "') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            }
        });
        return deleted[0];
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private PreparedStatement transitionStatement() throws SQLException {
        return connection.prepareStatement(
                "INSERT INTO transition (server_id, user_id, at, state, app, client) VALUES (?, ?, ?, ?, ?, ?)");
    }

    /** Newer activity replaces older; older or equal changes nothing (imports may repeat). */
    private PreparedStatement activityStatement() throws SQLException {
        return connection.prepareStatement("INSERT INTO last_activity (user_id, source, at, app, client)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, source) DO UPDATE SET at = excluded.at,"
                + " app = excluded.app, client = excluded.client WHERE excluded.at > last_activity.at");
    }

    /** {@code key}'s server id, asked once per batch ({@code known}): the keys of one import or listing name one server. */
    private long serverId(UserKey key, Map<String, Long> known) throws SQLException {
        String server = key.server() + '\n' + key.engine();
        Long id = known.get(server);
        if (id == null) {
            id = serverId(key.server(), key.engine());
            known.put(server, id);
        }
        return id;
    }

    private long serverId(String server, String engine) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO server (name, engine) VALUES (?, ?) ON CONFLICT (name, engine) DO NOTHING")) {
            bind(insert, server, engine);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM server WHERE name = ? AND engine = ?")) {
            bind(select, server, engine);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long lastListed(long serverId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_listed FROM server WHERE id = ?")) {
            bind(select, serverId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private Map<String, Known> known(long serverId) throws SQLException {
        Map<String, Known> known = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, id, state, locked FROM user WHERE server_id = ?")) {
            bind(select, serverId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.put(rows.getString(1), new Known(rows.getLong(2), ObservedState.fromWord(rows.getString(3)),
                            rows.getInt(4) == 1));
                }
            }
        }
        return known;
    }

    private static String joined(ObservedUser user, java.util.function.Function<ObservedUser.Session, String> part) {
        List<ObservedUser.Session> sessions = user.sessions();
        if (sessions.isEmpty()) {
            return ""; // most users of a large listing: no stream to build
        }
        if (sessions.size() == 1) {
            return part.apply(sessions.get(0));
        }
        return sessions.stream().map(part).filter(s -> !s.isEmpty()).distinct().sorted()
                .collect(Collectors.joining(" "));
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** {@code BEGIN IMMEDIATE}: takes the write lock up front, so a second writer waits (busy timeout) here. */
    private void inTransaction(Work work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                work.run();
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
