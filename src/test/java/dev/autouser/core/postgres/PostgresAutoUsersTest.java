package dev.autouser.core.postgres;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupCriteria;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL engine against a real PostgreSQL (embedded 17.6, or POSTGRES_TEST_URI): listing, states,
 * lock, drop, the owns-objects path, and the safety rules (connected users and roles outside the group are
 * never touched, even when that changes between plan and execution).
 */
class PostgresAutoUsersTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);

    private final PostgresTarget target = PostgresTarget.shared();
    private final List<String> created = new ArrayList<>();
    private final List<Connection> sessions = new ArrayList<>();
    private PostgresGateway gateway;
    private AuditLog audit;

    @TempDir
    Path home;

    @BeforeEach
    void connect() {
        gateway = PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null);
        audit = new AuditLog(home.resolve("audit.jsonl"));
        target.sql("DO $$BEGIN IF to_regrole('pgc_reader') IS NULL THEN CREATE ROLE pgc_reader; END IF; END$$");
    }

    @AfterEach
    void cleanUp() throws SQLException {
        for (Connection session : sessions) {
            session.close();
        }
        for (String role : created) {
            target.sql("DO $$BEGIN IF to_regrole(" + SqlText.literal(SqlText.identifier(role)) + ") IS NOT NULL THEN"
                    + " REASSIGN OWNED BY " + SqlText.identifier(role) + " TO dba; DROP OWNED BY " + SqlText.identifier(role)
                    + "; DROP ROLE " + SqlText.identifier(role) + "; END IF; END$$");
        }
        gateway.close();
    }

    @Test
    void oneQueryListsMembersWithStateRolesSessionsOwnedObjectsAndExpiry() throws SQLException {
        String active = autoUser("active", true, "pgc_reader");
        String idle = autoUser("idle", true, "pgc_reader");
        String locked = autoUser("locked", false);
        String owner = autoUser("owner", true);
        String outsider = role("outsider", "LOGIN");
        target.sql("ALTER ROLE " + SqlText.identifier(idle) + " VALID UNTIL '2031-01-02 03:04:05+00'",
                "CREATE TABLE " + SqlText.identifier(owner + "_t") + " (id int)",
                "ALTER TABLE " + SqlText.identifier(owner + "_t") + " OWNER TO " + SqlText.identifier(owner));
        session(active, "psql-test");
        session(outsider, "outsider-app");

        AutoUserListing listing = new PostgresEngine(gateway).list();

        assertEquals(1, listing.roundTrips(), "one query, whatever the number of users");
        assertTrue(listing.find(outsider).isEmpty(), "a login role outside teleport-auto-user is not listed");
        AutoUser a = listing.find(active).orElseThrow();
        assertEquals(UserState.ACTIVE, a.state());
        assertEquals("pgc_reader", a.roles().get(0).toString());
        LiveSession s = a.sessions().get(0);
        assertEquals("postgres", s.database());
        assertEquals("psql-test", s.appName());
        assertTrue(s.startedAt().isPresent(), "a superuser sees backend_start");
        assertEquals("idle", s.state());
        assertFalse(s.clientAddress().isEmpty(), "a superuser sees the client address");
        AutoUser i = listing.find(idle).orElseThrow();
        assertEquals(UserState.NOT_CLEANED_UP, i.state());
        assertEquals(java.time.Instant.parse("2031-01-02T03:04:05Z"), i.validUntil().orElseThrow());
        assertEquals(UserState.LOCKED, listing.find(locked).orElseThrow().state());
        AutoUser o = listing.find(owner).orElseThrow();
        assertEquals(1, o.ownedObjectCount());
        assertEquals("postgres", o.ownedObjects().get(0).database());
    }

    @Test
    void anIdentityWithoutPgReadAllStatsStillSeesWhoIsConnectedButNotFromWhere() throws SQLException {
        String active = autoUser("seen", true);
        session(active, "hidden-app");
        try (PostgresGateway admin = PostgresGateway.connect(target.profileAs(PostgresTarget.TELEPORT_ADMIN), null, null)) {
            AutoUser user = new PostgresEngine(admin).list().find(active).orElseThrow();
            assertEquals(UserState.ACTIVE, user.state(), "usename and usesysid are visible to every role");
            assertEquals("postgres", user.sessions().get(0).database());
            assertTrue(user.sessions().get(0).clientAddress().isEmpty(), "client_addr is hidden without pg_read_all_stats");
            assertTrue(user.sessions().get(0).startedAt().isEmpty(), "backend_start is hidden without pg_read_all_stats");
        }
    }

    @Test
    void lockRevokesEveryDirectRoleAndRefusesNewLoginsAndIsAudited() throws SQLException {
        String user = autoUser("lockme", true, "pgc_reader");
        CleanupReport report = lock(user);
        assertEquals(1, report.done(), report.toString());
        AutoUser after = new PostgresEngine(gateway).list().find(user).orElseThrow();
        assertEquals(UserState.LOCKED, after.state());
        assertTrue(after.roles().isEmpty());
        SQLException refused = assertThrows(SQLException.class, () -> target.sessionAs(user, "postgres", "x"));
        assertTrue(refused.getMessage().contains("not permitted to log in"), refused.getMessage());
        List<AuditRecord> records = audit.readNewestFirst(10);
        assertTrue(records.stream().anyMatch(r -> r.phase() == AuditRecord.Phase.INTENT && r.command().contains("NOLOGIN")
                && r.targetUser().equals(user)), records.toString());
        assertTrue(records.stream().anyMatch(r -> r.phase() == AuditRecord.Phase.OUTCOME && r.command().contains("REVOKE")
                && r.result().equals("ok")), records.toString());
    }

    @Test
    void aConnectedUserIsRefusedAtPlanAndAtExecutionWhenTheSessionStartedAfterThePlan() throws SQLException {
        String planned = autoUser("later", true, "pgc_reader");
        String connected = autoUser("now", true);
        session(connected, "app");
        PostgresUserActions actions = new PostgresUserActions(gateway, audit);
        CleanupPlan plan = actions.planFor(CleanupAction.DROP, List.of(planned, connected));
        assertEquals(List.of(planned), plan.userNames());
        assertTrue(plan.refused().get(0).reason().startsWith("has 1 live session"), plan.refused().toString());

        session(planned, "started-after-the-plan");
        CleanupReport report = actions.execute(plan, (r, d, t) -> { });

        UserResult result = report.results().stream().filter(r -> r.mongoName().equals(planned)).findFirst().orElseThrow();
        assertEquals(UserResult.Status.SKIPPED, result.status(), result.detail());
        AutoUser untouched = new PostgresEngine(gateway).list().find(planned).orElseThrow();
        assertFalse(untouched.locked(), "still LOGIN");
        assertEquals(1, untouched.roles().size(), "roles kept");
    }

    @Test
    void aSessionThatAuthenticatedBeforeTheNologinTookEffectUndoesTheLockAndKeepsTheRoles() throws SQLException {
        String user = autoUser("race", true, "pgc_reader");
        PostgresUserActions actions = new PostgresUserActions(gateway, audit, Optional.empty(), () -> {
            // what the race leaves behind: a session of the user exists once the NOLOGIN is committed
            target.sql("ALTER ROLE " + SqlText.identifier(user) + " LOGIN");
            try {
                session(user, "slipped-in");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            target.sql("ALTER ROLE " + SqlText.identifier(user) + " NOLOGIN");
        });
        CleanupReport report = actions.execute(actions.planFor(CleanupAction.DROP, List.of(user)), (r, d, t) -> { });
        assertEquals(UserResult.Status.SKIPPED, report.results().get(0).status(), report.results().toString());
        assertTrue(report.results().get(0).detail().contains("lock undone"), report.results().get(0).detail());
        AutoUser after = new PostgresEngine(gateway).list().find(user).orElseThrow();
        assertFalse(after.locked(), "the login was given back");
        assertEquals(1, after.roles().size(), "no role was revoked from a connected user");
        assertTrue(audit.readNewestFirst(10).stream().anyMatch(r -> r.command().contains(" LOGIN;") && !r.command().contains("NOLOGIN")),
                "the undo is audited");
    }

    @Test
    void aRoleOutsideTheGroupIsRefusedByNameAndByTheServerWhenItLeftTheGroupAfterThePlan() {
        String outsider = role("plain", "LOGIN");
        String leaver = autoUser("leaver", true, "pgc_reader");
        PostgresUserActions actions = new PostgresUserActions(gateway, audit);
        CleanupPlan plan = actions.planFor(CleanupAction.DROP, List.of(outsider, leaver, "no-such-role-" + RUN));
        assertTrue(plan.refused().get(0).reason().startsWith("not managed by Teleport"), plan.refused().toString());
        assertEquals("no such role", plan.refused().get(1).reason());

        target.sql("REVOKE \"teleport-auto-user\" FROM " + SqlText.identifier(leaver));
        CleanupReport report = actions.execute(plan, (r, d, t) -> { });

        UserResult result = report.results().stream().filter(r -> r.mongoName().equals(leaver)).findFirst().orElseThrow();
        assertEquals(UserResult.Status.SKIPPED, result.status());
        assertTrue(result.detail().contains("no longer an auto-user"), result.detail());
        assertTrue(roleCanLogin(leaver), "the server-side check left it alone");
        assertTrue(roleCanLogin(outsider));
    }

    @Test
    void teleportsAdminAndTheGroupsAdministratorsAreNeverAutoUsersEvenWhenThatChangesAfterThePlan() {
        String promoted = autoUser("promoted", true);
        String creator = autoUser("creator", true);
        AutoUserListing listing = new PostgresEngine(gateway).list();
        assertTrue(listing.find(PostgresTarget.TELEPORT_ADMIN).isEmpty(), "a member WITH ADMIN OPTION is the group's administrator");
        PostgresUserActions actions = new PostgresUserActions(gateway, audit);
        CleanupPlan plan = actions.planFor(CleanupAction.LOCK, List.of(PostgresTarget.TELEPORT_ADMIN, promoted, creator));
        assertTrue(plan.refused().get(0).reason().startsWith("not managed by Teleport"), plan.refused().toString());
        assertEquals(List.of(promoted, creator), plan.userNames());

        target.sql("GRANT \"teleport-auto-user\" TO " + SqlText.identifier(promoted) + " WITH ADMIN OPTION",
                "ALTER ROLE " + SqlText.identifier(creator) + " CREATEROLE");
        CleanupReport report = actions.execute(plan, (r, d, t) -> { });

        assertTrue(report.results().stream().filter(r -> !r.mongoName().equals(PostgresTarget.TELEPORT_ADMIN))
                .allMatch(r -> r.status() == UserResult.Status.SKIPPED && r.detail().contains("no longer an auto-user")),
                report.results().toString());
        assertEquals(3, report.results().size());
        assertTrue(roleCanLogin(promoted) && roleCanLogin(creator) && roleCanLogin(PostgresTarget.TELEPORT_ADMIN));
    }

    @Test
    void dropOfAUserWhoOwnsObjectsLeavesItLockedAndSaysWhatItOwnsAsTeleportDoes() {
        String owner = autoUser("owns", true, "pgc_reader");
        String table = owner + "_orders";
        target.sql("CREATE TABLE " + SqlText.identifier(table) + " (id int)",
                "ALTER TABLE " + SqlText.identifier(table) + " OWNER TO " + SqlText.identifier(owner));
        PostgresUserActions actions = new PostgresUserActions(gateway, audit);
        CleanupPlan plan = actions.planFor(CleanupAction.DROP, List.of(owner));
        String reason = plan.actions().get(0).reason();
        assertTrue(reason.contains("owns objects (1 in postgres)"), reason);
        // the core's words serve the CLI and the GUI alike: how to name a new owner is each one's to say
        assertTrue(reason.endsWith("unless its objects are first reassigned to another role") && !reason.contains("--"), reason);

        CleanupReport report = actions.execute(plan, (r, d, t) -> { });

        UserResult result = report.results().get(0);
        assertEquals(UserResult.Status.SKIPPED, result.status(), result.detail());
        assertTrue(result.detail().contains("owner of table"), result.detail());
        assertTrue(result.detail().contains("2BP01") && result.detail().contains("TP004"), result.detail());
        assertTrue(result.detail().endsWith("To drop it, reassign its objects to another role first")
                && !result.detail().contains("--"), result.detail());
        AutoUser after = new PostgresEngine(gateway).list().find(owner).orElseThrow();
        assertEquals(UserState.LOCKED, after.state());
    }

    @Test
    void privilegesAloneKeepTheDropFromHappeningUntilDropOwnedRevokesThem() {
        String holder = autoUser("grantee", false);
        String table = holder + "_granted";
        target.sql("CREATE TABLE " + SqlText.identifier(table) + " (id int)",
                "GRANT SELECT ON " + SqlText.identifier(table) + " TO " + SqlText.identifier(holder));
        PostgresUserActions plain = new PostgresUserActions(gateway, audit);
        UserResult refused = plain.execute(plain.planFor(CleanupAction.DROP, List.of(holder)), (r, d, t) -> { }).results().get(0);
        assertEquals(UserResult.Status.SKIPPED, refused.status(), refused.detail());
        assertTrue(refused.detail().contains("2BP01") && refused.detail().contains("privileges for table"), refused.detail());

        var reassigning = plain.reassigningOwnedTo("dba");
        CleanupReport report = reassigning.execute(reassigning.planFor(CleanupAction.DROP, List.of(holder)), (r, d, t) -> { });

        assertEquals(1, report.done(), report.results().toString());
        assertTrue(report.results().get(0).detail().startsWith("dropped; it owned no objects; the privileges granted to it were"
                + " revoked first (DROP OWNED)"), report.results().get(0).detail());
        assertFalse(roleExists(holder));
        target.sql("DROP TABLE " + SqlText.identifier(table));
    }

    @Test
    void reassigningTheObjectsDropsTheUserInOneTransactionAndTheNewOwnerHasThem() throws SQLException {
        String owner = autoUser("handover", true);
        String table = owner + "_t";
        target.sql("CREATE TABLE " + SqlText.identifier(table) + " (id int)",
                "ALTER TABLE " + SqlText.identifier(table) + " OWNER TO " + SqlText.identifier(owner));
        var actions = new PostgresUserActions(gateway, audit).reassigningOwnedTo("dba");
        CleanupPlan plan = actions.planFor(CleanupAction.DROP, List.of(owner));
        String last = plan.actions().get(0).commands().get(2);
        assertTrue(last.contains("REASSIGN OWNED BY " + SqlText.identifier(owner) + " TO \"dba\"; DROP OWNED BY")
                && last.contains("DROP ROLE"), last);

        CleanupReport report = actions.execute(plan, (r, d, t) -> { });

        assertEquals(1, report.done(), report.results().toString());
        assertFalse(roleExists(owner));
        assertEquals("dba", ownerOf(table));
        created.add(table);
    }

    @Test
    void reassigningToAnAutoUserIsRefusedOnTheServerAndNothingChanges() throws SQLException {
        String owner = autoUser("keeper", true);
        String other = autoUser("other", true);
        String table = owner + "_t";
        target.sql("CREATE TABLE " + SqlText.identifier(table) + " (id int)",
                "ALTER TABLE " + SqlText.identifier(table) + " OWNER TO " + SqlText.identifier(owner));
        var actions = new PostgresUserActions(gateway, audit).reassigningOwnedTo(other);
        CleanupReport report = actions.execute(actions.planFor(CleanupAction.DROP, List.of(owner)), (r, d, t) -> { });
        assertEquals(UserResult.Status.FAILED, report.results().get(0).status());
        assertTrue(report.results().get(0).detail().contains("is itself an auto-user"), report.results().get(0).detail());
        assertEquals(owner, ownerOf(table));
        target.sql("DROP TABLE " + SqlText.identifier(table));
    }

    @Test
    void namesWithQuotesSpacesAndUnicodeAreQuotedAndTheDryRunSqlIsWhatRuns() throws SQLException {
        String odd = autoUser("o'brien \"x\" ü; DROP ROLE dba --", true, "pgc_reader");
        PostgresUserActions actions = new PostgresUserActions(gateway, audit);
        CleanupPlan plan = actions.planFor(CleanupAction.LOCK, List.of(odd));
        actions.recordDryRun(plan);
        assertTrue(audit.readNewestFirst(1).get(0).result().equals("dry run: not run"));
        // a DBA pasting the dry run into psql: the same text, run as is, locks the user
        try (Connection connection = target.admin(); Statement statement = connection.createStatement()) {
            for (String sql : plan.actions().get(0).commands()) {
                statement.execute(sql);
            }
        }
        AutoUser after = new PostgresEngine(gateway).list().find(odd).orElseThrow();
        assertEquals(UserState.LOCKED, after.state());
        assertTrue(after.roles().isEmpty());
        assertTrue(roleExists("dba"));
    }

    @Test
    void cleanupTakesStaleUsersAndNeverAConnectedOne() throws SQLException {
        String stale = autoUser("stale", false);
        String busy = autoUser("busy", true);
        session(busy, "app");
        PostgresUserActions actions = new PostgresUserActions(gateway, audit);
        CleanupPlan plan = actions.plan(new CleanupCriteria(false, false, CleanupAction.DROP));
        assertTrue(plan.userNames().contains(stale));
        assertFalse(plan.userNames().contains(busy));
        CleanupPlan mine = new CleanupPlan(plan.action(), plan.actions().stream()
                .filter(a -> a.mongoName().equals(stale)).toList(), List.of(), plan.plannedAt());
        assertEquals(1, actions.execute(mine, (r, d, t) -> { }).done());
        assertFalse(roleExists(stale));
        assertTrue(roleExists(busy));
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsSent() {
        PostgresUserActions actions = new PostgresUserActions(gateway, audit);
        long before = gateway.roundTrips();
        ConsoleException tooLong = assertThrows(ConsoleException.class,
                () -> actions.planFor(CleanupAction.LOCK, List.of("x".repeat(64))));
        assertTrue(tooLong.getMessage().contains("at most 63"), tooLong.getMessage());
        assertThrows(ConsoleException.class, () -> actions.planFor(CleanupAction.LOCK, List.of("")));
        assertThrows(ConsoleException.class, () -> actions.reassigningOwnedTo("a\0b"));
        assertEquals(before, gateway.roundTrips());
    }

    private CleanupReport lock(String user) {
        PostgresUserActions actions = new PostgresUserActions(gateway, audit);
        return actions.execute(actions.planFor(CleanupAction.LOCK, List.of(user)), (r, d, t) -> { });
    }

    private String autoUser(String base, boolean login, String... roles) {
        String name = role(base, login ? "LOGIN" : "NOLOGIN");
        target.sql("GRANT \"teleport-auto-user\" TO " + SqlText.identifier(name));
        for (String granted : roles) {
            target.sql("GRANT " + SqlText.identifier(granted) + " TO " + SqlText.identifier(name));
        }
        return name;
    }

    private String role(String base, String attributes) {
        String name = "pgc" + RUN + "-" + base + "-" + COUNTER.incrementAndGet();
        target.sql("CREATE ROLE " + SqlText.identifier(name) + " " + attributes);
        created.add(name);
        return name;
    }

    private void session(String role, String app) throws SQLException {
        sessions.add(target.sessionAs(role, "postgres", app));
    }

    private boolean roleCanLogin(String role) {
        return bool("SELECT rolcanlogin FROM pg_roles WHERE rolname = " + SqlText.literal(role));
    }

    private boolean roleExists(String role) {
        return bool("SELECT count(*) = 1 FROM pg_roles WHERE rolname = " + SqlText.literal(role));
    }

    private String ownerOf(String table) throws SQLException {
        try (Connection c = target.admin(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = " + SqlText.literal(table))) {
            r.next();
            return r.getString(1);
        }
    }

    private boolean bool(String sql) {
        try (Connection c = target.admin(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() && r.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
