package dev.autouser.core.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history's schema as numbered migrations; {@code PRAGMA user_version} holds the number applied.
 * A migration is never edited once released: a change is a new one at the end. A database written by
 * a newer console (a higher number) is refused rather than guessed at.
 *
 * <p>Times are epoch milliseconds. {@code transition} holds one row per change of a user's state
 * (never one per listing), {@code last_activity} one row per user and evidence source.
 */
final class HistorySchema {
    static final List<List<String>> MIGRATIONS = List.of(
            // 1: servers, users with their current state, last activity per source, transitions
            List.of("CREATE TABLE server (id INTEGER PRIMARY KEY, name TEXT NOT NULL, engine TEXT NOT NULL,"
                            + " last_listed INTEGER, UNIQUE (name, engine))",
                    "CREATE TABLE user (id INTEGER PRIMARY KEY, server_id INTEGER NOT NULL REFERENCES server(id),"
                            + " name TEXT NOT NULL, first_seen INTEGER NOT NULL, state TEXT NOT NULL,"
                            + " state_since INTEGER NOT NULL, locked INTEGER NOT NULL, locked_since INTEGER,"
                            + " unlocked_since INTEGER, dropped_at INTEGER, UNIQUE (server_id, name))",
                    "CREATE TABLE last_activity (user_id INTEGER NOT NULL REFERENCES user(id), source TEXT NOT NULL,"
                            + " at INTEGER NOT NULL, app TEXT NOT NULL, client TEXT NOT NULL,"
                            + " PRIMARY KEY (user_id, source)) WITHOUT ROWID",
                    "CREATE TABLE transition (id INTEGER PRIMARY KEY, server_id INTEGER NOT NULL,"
                            + " user_id INTEGER NOT NULL, at INTEGER NOT NULL, state TEXT NOT NULL,"
                            + " app TEXT NOT NULL DEFAULT '', client TEXT NOT NULL DEFAULT '')",
                    "CREATE INDEX transition_server_at ON transition (server_id, at)"),
            // 2: a server whose history was seeded by the demo says so
            List.of("ALTER TABLE server ADD COLUMN demo INTEGER NOT NULL DEFAULT 0"),
            // 3: small facts about the store itself (when retention last ran)
            List.of("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
            // 4: Teleport's latest lock or drop of a user, from an imported audit log (failed or not)
            List.of("CREATE TABLE teleport_deactivation (user_id INTEGER PRIMARY KEY REFERENCES user(id),"
                    + " at INTEGER NOT NULL, succeeded INTEGER NOT NULL, dropped INTEGER NOT NULL, error TEXT NOT NULL)"),
            // 5: who used a user (Teleport user, its roles, the session's database roles), from an imported audit log;
            // the role lists are JSON arrays of strings
            List.of("CREATE TABLE teleport_identity (user_id INTEGER PRIMARY KEY REFERENCES user(id),"
                    + " at INTEGER NOT NULL, teleport_user TEXT NOT NULL, teleport_roles TEXT NOT NULL,"
                    + " database_roles TEXT NOT NULL)"));

    static final int CURRENT = MIGRATIONS.size();

    private HistorySchema() {
    }

    /** Brings the database up to {@link #CURRENT}, each migration in its own transaction. */
    static void migrate(Connection connection) throws SQLException {
        migrate(connection, CURRENT);
    }

    /** Up to {@code target} only: tests build an old database this way. */
    static void migrate(Connection connection, int target) throws SQLException {
        int version = version(connection);
        if (version > CURRENT) {
            throw new SQLException("the history was written by a newer console (schema " + version
                    + ", this one knows " + CURRENT + ")");
        }
        for (int next = version + 1; next <= target; next++) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    // Another process may have migrated while this one waited for the lock.
                    if (version(connection) >= next) {
                        statement.execute("COMMIT");
                        continue;
                    }
                    for (String sql : MIGRATIONS.get(next - 1)) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + next);
                    statement.execute("COMMIT");
                } catch (SQLException e) {
                    statement.execute("ROLLBACK");
                    throw e;
                }
            }
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
