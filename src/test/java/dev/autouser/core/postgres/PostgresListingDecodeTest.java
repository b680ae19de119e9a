package dev.autouser.core.postgres;

import dev.autouser.core.postgres.PostgresGateway.QueryTime;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.OwnedObjects;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listing reads its one query's arrays itself ({@link PostgresArrayText}) instead of through JDBC's
 * {@code getArray()}. Against the real server, with role, group and database names full of what array
 * text must quote (commas, braces, double quotes, backslashes, spaces, a line break, the word NULL,
 * unicode), a NULL {@code backend_start} and an infinite {@code VALID UNTIL}: every listed user equals
 * what the server says about that user in plain single-user queries, typed by the JDBC driver.
 */
class PostgresListingDecodeTest {
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);
    private static final PostgresTarget TARGET = PostgresTarget.shared();
    private static final String DATABASE = "db,{\"odd\"} \\ " + RUN;
    private static final List<String> GROUPS = List.of("g,1" + RUN, "g\"2" + RUN, "{g3}" + RUN, "NULL", "null",
            "g 4\\" + RUN, "g\n5" + RUN, "gü😀" + RUN);
    private static final List<String> USERS = List.of("u,comma" + RUN, "u\"quote" + RUN, "u{brace}" + RUN,
            "u\\back" + RUN, "u space" + RUN, "uünï😀" + RUN, "remote-al,ice-ro{ot}" + RUN, "NULL" + RUN);
    private static final List<Connection> SESSIONS = new ArrayList<>();

    @BeforeAll
    static void seed() throws SQLException {
        for (String group : GROUPS) {
            TARGET.sql("DO $$BEGIN IF to_regrole(" + SqlText.literal(SqlText.identifier(group)) + ") IS NULL THEN CREATE ROLE "
                    + SqlText.identifier(group) + "; END IF; END$$");
        }
        for (int i = 0; i < USERS.size(); i++) {
            String user = SqlText.identifier(USERS.get(i));
            TARGET.sql("CREATE ROLE " + user + (i == 2 ? " NOLOGIN" : " LOGIN") + " IN ROLE \"teleport-auto-user\"");
            for (int g = 0; g <= i % GROUPS.size(); g++) {
                TARGET.sql("GRANT " + SqlText.identifier(GROUPS.get((i + g) % GROUPS.size())) + " TO " + user);
            }
        }
        TARGET.sql("ALTER ROLE " + SqlText.identifier(USERS.get(0)) + " VALID UNTIL '2031-01-02 03:04:05.123456+00'",
                "ALTER ROLE " + SqlText.identifier(USERS.get(1)) + " VALID UNTIL 'infinity'",
                "CREATE DATABASE " + SqlText.identifier(DATABASE),
                "CREATE TABLE " + SqlText.identifier("t" + RUN) + " (id int)",
                "ALTER TABLE " + SqlText.identifier("t" + RUN) + " OWNER TO " + SqlText.identifier(USERS.get(3)));
        try (Connection odd = PostgresConnector.open(TARGET.profileAs(PostgresTarget.DBA), DATABASE, null, null).connection();
             var statement = odd.createStatement()) {
            for (String table : List.of("a", "b")) {
                statement.execute("CREATE TABLE " + SqlText.identifier(table + RUN) + " (id int)");
                statement.execute("ALTER TABLE " + SqlText.identifier(table + RUN) + " OWNER TO " + SqlText.identifier(USERS.get(3)));
            }
        }
        String database = java.net.URLEncoder.encode(DATABASE, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        SESSIONS.add(TARGET.sessionAs(USERS.get(4), database, "app,{\"x\"} \\ y"));
        SESSIONS.add(TARGET.sessionAs(USERS.get(4), "postgres", "second"));
        SESSIONS.add(TARGET.sessionAs(USERS.get(5), "postgres", ""));
    }

    @AfterAll
    static void drop() throws SQLException {
        for (Connection session : SESSIONS) {
            session.close();
        }
        TARGET.sql("DROP DATABASE IF EXISTS " + SqlText.identifier(DATABASE) + " WITH (FORCE)");
        List<String> roles = new ArrayList<>(USERS);
        roles.addAll(GROUPS);
        TARGET.dropRoles(roles);
    }

    @Test
    void everyOddlyNamedUserIsListedExactlyAsTheServerDescribesItInOneQuery() throws SQLException {
        try (PostgresGateway gateway = PostgresGateway.connect(TARGET.profileAs(PostgresTarget.DBA), null, null)) {
            AutoUserListing listing = new PostgresLister(gateway).list();
            assertEquals(1, listing.roundTrips());
            try (Connection connection = TARGET.admin()) {
                for (String user : USERS) {
                    assertEquals(described(connection, user), listing.find(user).orElseThrow(() -> new AssertionError(user)), user);
                }
            }
            AutoUser connected = listing.find(USERS.get(4)).orElseThrow();
            assertEquals(2, connected.connectionCount(), "both sessions of the same role");
            assertTrue(connected.appNames().contains("app,{\"x\"} \\ y"), connected.toString());
            assertTrue(connected.sessions().stream().anyMatch(s -> s.database().equals(DATABASE)), connected.toString());
            assertTrue(listing.find(USERS.get(3)).orElseThrow().ownedObjects().contains(new OwnedObjects(DATABASE, 2)));
            assertEquals(Optional.of("ro{ot}" + RUN), listing.find(USERS.get(6)).orElseThrow().rootCluster());
            assertTrue(listing.find(USERS.get(7)).orElseThrow().roles().stream().map(RoleRef::role).toList().contains("NULL"),
                    "a role named NULL is a role, not a missing value");
            assertTrue(listing.find(USERS.get(2)).orElseThrow().locked());
            assertEquals(java.time.Instant.parse("2031-01-02T03:04:05.123456Z"),
                    listing.find(USERS.get(0)).orElseThrow().validUntil().orElseThrow());
            assertTrue(listing.find(USERS.get(1)).orElseThrow().validUntil().isEmpty(), "VALID UNTIL 'infinity' is no expiry");
            QueryTime time = gateway.queryTimes().get(gateway.queryTimes().size() - 1);
            assertEquals("list the members of teleport-auto-user", time.attempted(), "list --timings reads this");
        }
    }

    @Test
    void aSessionWhoseStartTheIdentityMayNotSeeHasNoStart() throws SQLException {
        try (PostgresGateway admin = PostgresGateway.connect(TARGET.profileAs(PostgresTarget.TELEPORT_ADMIN), null, null)) {
            AutoUser user = new PostgresLister(admin).list().find(USERS.get(4)).orElseThrow();
            assertEquals(2, user.connectionCount());
            assertFalse(user.sessions().stream().anyMatch(s -> s.startedAt().isPresent()),
                    "backend_start is NULL without pg_read_all_stats: " + user);
        }
    }

    /** The user as the server describes it in plain queries about that one user, typed by the driver. */
    private static AutoUser described(Connection connection, String name) throws SQLException {
        boolean canLogin;
        Optional<java.time.Instant> validUntil;
        try (ResultSet row = query(connection, "SELECT rolcanlogin, rolvaliduntil, rolvaliduntil = 'infinity'"
                + " FROM pg_roles WHERE rolname = ?", name)) {
            assertTrue(row.next(), name);
            canLogin = row.getBoolean(1);
            Timestamp until = row.getTimestamp(2);
            validUntil = until == null || row.getBoolean(3) ? Optional.empty() : Optional.of(until.toInstant());
        }
        List<RoleRef> roles = new ArrayList<>();
        try (ResultSet rows = query(connection, "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                + " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ? AND g.rolname <> 'teleport-auto-user'", name)) {
            while (rows.next()) {
                roles.add(RoleRef.serverWide(rows.getString(1)));
            }
        }
        List<LiveSession> sessions = new ArrayList<>();
        try (ResultSet rows = query(connection, "SELECT pid, datname, host(client_addr), application_name, backend_start,"
                + " state FROM pg_stat_activity WHERE usename = ? ORDER BY pid", name)) {
            while (rows.next()) {
                Timestamp started = rows.getTimestamp(5);
                sessions.add(new LiveSession(rows.getInt(1), orEmpty(rows.getString(3)), orEmpty(rows.getString(4)), "",
                        orEmpty(rows.getString(2)), Optional.ofNullable(started).map(Timestamp::toInstant),
                        orEmpty(rows.getString(6))));
            }
        }
        List<OwnedObjects> owned = new ArrayList<>();
        try (ResultSet rows = query(connection, "SELECT db.datname, count(*)::int FROM pg_shdepend s"
                + " LEFT JOIN pg_database db ON db.oid = s.dbid WHERE s.refclassid = 'pg_authid'::regclass AND s.deptype = 'o'"
                + " AND s.refobjid = (SELECT oid FROM pg_roles WHERE rolname = ?) GROUP BY db.datname ORDER BY db.datname", name)) {
            while (rows.next()) {
                owned.add(new OwnedObjects(orEmpty(rows.getString(1)), rows.getInt(2)));
            }
        }
        Optional<String> cluster = name.startsWith("remote-") ? Optional.of(name.substring(name.indexOf('-', 7) + 1))
                : Optional.empty();
        return new AutoUser(name, name, cluster, roles, !canLogin, new org.bson.Document(), sessions, owned, validUntil);
    }

    private static ResultSet query(Connection connection, String sql, String parameter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.closeOnCompletion();
        statement.setString(1, parameter);
        return statement.executeQuery();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
