package dev.autouser.core.postgres.teleport;

import dev.autouser.core.postgres.PostgresConnector;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each path of Teleport's PostgreSQL procedures on a real PostgreSQL (the embedded 17.6, or
 * POSTGRES_TEST_URI's), as Teleport's agent runs them, logged in as {@code teleport-admin} with its
 * certificate: what the server holds afterwards is read back as the superuser.
 */
class TeleportAgentContractTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static PostgresTarget target;
    private static TeleportAgent agent;

    @BeforeAll
    static void start() {
        target = PostgresTarget.shared();
        agent = newAgent();
        target.sql("DO $$BEGIN"
                        + " IF to_regrole('t_reader') IS NULL THEN CREATE ROLE t_reader; CREATE ROLE t_writer;"
                        + " CREATE ROLE t_developer; CREATE SCHEMA t_scratch;"
                        + " CREATE TABLE public.t_orders (id int); CREATE TABLE public.t_customers (id int); END IF;"
                        + " END$$",
                // On 16+ the admin grants only roles it holds WITH ADMIN OPTION, and table privileges WITH GRANT OPTION.
                "GRANT t_reader, t_writer, t_developer TO \"teleport-admin\" WITH ADMIN OPTION, INHERIT FALSE, SET FALSE",
                "GRANT USAGE, CREATE ON SCHEMA t_scratch TO t_developer",
                "GRANT ALL ON public.t_orders, public.t_customers TO \"teleport-admin\" WITH GRANT OPTION");
    }

    static TeleportAgent newAgent() {
        return new TeleportAgent(database -> PostgresConnector.open(target.profileAs(PostgresTarget.TELEPORT_ADMIN),
                database, null, null).connection(), PostgresTarget.TELEPORT_ADMIN, "postgres");
    }

    private static String newUser(String stem) {
        return "tp-" + stem + "-" + NEXT.incrementAndGet();
    }

    private static Connection session(String user) throws SQLException {
        return target.sessionAs(user, "postgres", "psql");
    }

    private static void superuserRuns(String sql) {
        target.sql(sql);
    }

    private static void awaitSessionGone(String user) throws SQLException, InterruptedException {
        for (int i = 0; i < 500 && RoleFacts.existing(user).sessions() > 0; i++) {
            Thread.sleep(20);
        }
    }

    @Test
    void activateCreatesTheUserInTheGroupWithItsRolesAndLogin() throws Exception {
        String user = newUser("new");

        agent.activate(user, List.of("t_writer", "t_reader"));

        RoleFacts facts = RoleFacts.existing(user);
        assertTrue(facts.canLogin());
        assertTrue(facts.inGroup());
        assertEquals(List.of("t_reader", "t_writer"), facts.directRoles());
        try (Connection session = session(user)) {
            assertTrue(session.isValid(5), "the new user logs in");
        }
    }

    @Test
    void activateRefusesARoleOutsideTheGroupAsNotManagedByTeleport() throws Exception {
        String user = newUser("outsider");
        superuserRuns("CREATE ROLE \"" + user + "\" LOGIN");

        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(user, List.of("t_reader")));

        assertEquals(TeleportRefusal.Kind.NOT_MANAGED_BY_TELEPORT, refusal.kind());
        assertEquals("user \"" + user + "\" already exists in this PostgreSQL database and is not managed by Teleport",
                refusal.getMessage());
        assertEquals("42710", refusal.sqlState(), "CREATE USER of an existing name: duplicate_object");
        RoleFacts facts = RoleFacts.existing(user);
        assertFalse(facts.inGroup(), "Teleport never takes such a role over");
        assertEquals(List.of(), facts.directRoles());
    }

    @Test
    void activateWhileConnectedWithOtherRolesFailsWithTP002AndChangesNothing() throws Exception {
        String user = newUser("tp002");
        agent.activate(user, List.of("t_reader"));
        try (Connection open = session(user)) {
            TeleportRefusal refusal = assertThrows(TeleportRefusal.class,
                    () -> agent.activate(user, List.of("t_reader", "t_writer")));

            assertEquals(TeleportRefusal.Kind.ROLES_CHANGED, refusal.kind());
            assertEquals("TP002", refusal.sqlState());
            assertEquals(TeleportSqlState.ROLES_CHANGED, refusal.teleportState().orElseThrow());
            assertEquals("roles for user \"" + user + "\" has changed. Please quit all active connections and try again.",
                    refusal.getMessage());
            assertEquals(List.of("t_reader"), RoleFacts.existing(user).directRoles());
            assertTrue(open.isValid(5), "the open session is untouched");
        }
    }

    @Test
    void activateWhileConnectedWithTheSameRolesIsASecondSession() throws Exception {
        String user = newUser("same");
        agent.activate(user, List.of("t_reader", "t_writer"));
        try (Connection open = session(user)) {
            agent.activate(user, List.of("t_writer", "t_reader"));

            assertEquals(List.of("t_reader", "t_writer"), RoleFacts.existing(user).directRoles());
            assertTrue(open.isValid(5));
        }
    }

    @Test
    void activateOfAnIdleMemberStripsLeftoverRolesBeforeGrantingTheNewOnes() throws Exception {
        String user = newUser("leftover");
        agent.activate(user, List.of("t_reader", "t_developer"));

        agent.activate(user, List.of("t_writer"));

        RoleFacts facts = RoleFacts.existing(user);
        assertEquals(List.of("t_writer"), facts.directRoles());
        assertTrue(facts.canLogin());
    }

    @Test
    void activateOfALockedMemberRestoresLogin() throws Exception {
        String user = newUser("relogin");
        agent.activate(user, List.of("t_reader"));
        agent.deactivate(user);
        assertFalse(RoleFacts.existing(user).canLogin());

        agent.activate(user, List.of("t_reader"));

        assertTrue(RoleFacts.existing(user).canLogin());
        assertEquals(List.of("t_reader"), RoleFacts.existing(user).directRoles());
    }

    @Test
    void activateWithANonExistingRoleFailsAndSaysWhich() throws Exception {
        String user = newUser("norole");

        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(user, List.of("t_nope")));

        assertEquals(TeleportRefusal.Kind.OTHER, refusal.kind());
        assertEquals("42704", refusal.sqlState());
        assertTrue(refusal.getMessage().contains("role \"t_nope\" does not exist"), refusal.getMessage());
        assertTrue(RoleFacts.of(user).isEmpty(), "the procedure ran in one transaction: no half-made user");
    }

    @Test
    void deactivateRevokesDirectRolesAndTakesLoginAwayButKeepsTheGroup() throws Exception {
        String user = newUser("keep");
        agent.activate(user, List.of("t_reader", "t_writer"));

        assertEquals(TeleportAgent.Outcome.DEACTIVATED, agent.deactivate(user));

        RoleFacts facts = RoleFacts.existing(user);
        assertFalse(facts.canLogin());
        assertTrue(facts.inGroup());
        assertEquals(List.of(), facts.directRoles());
    }

    @Test
    void deactivateLeavesAConnectedUserAsItIs() throws Exception {
        String user = newUser("busy");
        agent.activate(user, List.of("t_reader"));
        try (Connection open = session(user)) {
            assertEquals(TeleportAgent.Outcome.LEFT_ACTIVE, agent.deactivate(user));

            RoleFacts facts = RoleFacts.existing(user);
            assertTrue(facts.canLogin());
            assertEquals(List.of("t_reader"), facts.directRoles());
            assertTrue(open.isValid(5));
        }
    }

    @Test
    void deleteDropsAnIdleUser() throws Exception {
        String user = newUser("drop");
        agent.activate(user, List.of("t_reader"));

        assertEquals(TeleportAgent.Outcome.DROPPED, agent.delete(user));

        assertTrue(RoleFacts.of(user).isEmpty());
    }

    @Test
    void deleteOfAnOwnerFailsWith2BP01AndDeactivatesInsteadTP004() throws Exception {
        String user = newUser("owner");
        agent.activate(user, List.of("t_developer"));
        try (Connection open = session(user); Statement sql = open.createStatement()) {
            sql.execute("CREATE TABLE t_scratch.\"" + user + "_notes\" (id int)");
        }
        awaitSessionGone(user);

        assertEquals(TeleportAgent.Outcome.DEACTIVATED_INSTEAD_OF_DROPPED, agent.delete(user));

        RoleFacts facts = RoleFacts.existing(user);
        assertFalse(facts.canLogin());
        assertTrue(facts.inGroup());
        assertEquals(List.of(), facts.directRoles());
    }

    @Test
    void deleteLeavesAConnectedUserAsItIs() throws Exception {
        String user = newUser("busydrop");
        agent.activate(user, List.of("t_reader"));
        try (Connection open = session(user)) {
            assertEquals(TeleportAgent.Outcome.LEFT_ACTIVE, agent.delete(user));

            RoleFacts facts = RoleFacts.existing(user);
            assertTrue(facts.canLogin());
            assertEquals(List.of("t_reader"), facts.directRoles());
        }
    }

    @Test
    void deleteOfAMissingUserIsDroppedAsTeleportSeesIt() throws Exception {
        assertEquals(TeleportAgent.Outcome.DROPPED, agent.delete(newUser("never")));
    }

    @Test
    void permissionsChangedWhileConnectedToTheDatabaseFailWithTP005() throws Exception {
        String user = newUser("perms");
        agent.activate(user, List.of());
        agent.updatePermissions(user, "postgres", List.of(new TablePermission("select", "public", "t_orders")));
        try (Connection open = session(user)) {
            TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.updatePermissions(user, "postgres",
                    List.of(new TablePermission("SELECT", "public", "t_customers"))));

            assertEquals(TeleportRefusal.Kind.PERMISSIONS_CHANGED, refusal.kind());
            assertEquals("TP005", refusal.sqlState());
            assertTrue(refusal.getMessage().contains("TP005: User has active connections and permissions have changed"));
            agent.updatePermissions(user, "postgres", List.of(new TablePermission("SELECT", "public", "t_orders")));
        }
        awaitSessionGone(user);

        agent.updatePermissions(user, "postgres", List.of(new TablePermission("SELECT", "public", "t_customers")));

        try (Connection su = target.admin(); Statement sql = su.createStatement();
             var rows = sql.executeQuery("SELECT table_name FROM information_schema.table_privileges WHERE grantee = '"
                     + user + "' ORDER BY 1")) {
            assertTrue(rows.next());
            assertEquals("t_customers", rows.getString(1));
            assertFalse(rows.next(), "the old grant was removed");
        }
    }

    @Test
    void theGroupIsCreatedWhenMissingAndItsExistenceIsNoError() throws Exception {
        String user = newUser("group");
        superuserRuns("ALTER ROLE \"teleport-auto-user\" RENAME TO \"teleport-auto-user-kept\"");
        try {
            agent.activate(user, List.of("t_reader"));
            assertTrue(RoleFacts.existing(user).inGroup(), "a new group was created and the user put in it");
            agent.activate(user, List.of("t_reader"));
        } finally {
            superuserRuns("DROP ROLE IF EXISTS \"" + user + "\"");
            superuserRuns("DROP ROLE \"teleport-auto-user\"");
            superuserRuns("ALTER ROLE \"teleport-auto-user-kept\" RENAME TO \"teleport-auto-user\"");
        }
    }

    @Test
    void aUniqueViolationFromAnotherAgentCreatingTheSameUserIsRetried() throws Exception {
        // Another agent (the same admin: on 16+ only the creator, holding ADMIN OPTION, may alter the
        // user later) has not committed its CREATE USER ... IN ROLE "teleport-auto-user" yet: ours does
        // not see the member, its CREATE USER waits on the unique name and fails with 23505 once the
        // other commits; Teleport retries, and the retry finds a member to re-activate.
        String user = newUser("race");
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Connection other = PostgresConnector.open(target.profileAs(PostgresTarget.TELEPORT_ADMIN), null, null)
                .connection(); Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            sql.execute("CREATE USER \"" + user + "\" IN ROLE \"teleport-auto-user\"");
            var activation = pool.submit(() -> {
                agent.activate(user, List.of("t_reader"));
                return true;
            });
            awaitAdminWaitingOnALock();
            other.commit();

            assertTrue(activation.get(60, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        RoleFacts facts = RoleFacts.existing(user);
        assertTrue(facts.inGroup() && facts.canLogin());
        assertEquals(List.of("t_reader"), facts.directRoles());
    }

    private static void awaitAdminWaitingOnALock() throws SQLException, InterruptedException {
        for (int i = 0; i < 1500; i++) {
            try (Connection su = target.admin(); Statement sql = su.createStatement();
                 var row = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = 'teleport-admin'"
                         + " AND wait_event_type = 'Lock'")) {
                row.next();
                if (row.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the agent's CREATE USER never waited on the other transaction");
    }

    @Test
    void onPostgres16AnAutoUserAnotherRoleCreatedCannotBeReactivatedByTheAdmin() throws Exception {
        // PostgreSQL 16+: CREATEROLE alters only roles the admin holds WITH ADMIN OPTION, which it gets
        // for the roles it creates itself; a member made by a superuser (or an earlier admin) is not one.
        String user = newUser("foreign");
        superuserRuns("CREATE USER \"" + user + "\" NOLOGIN IN ROLE \"teleport-auto-user\"");

        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(user, List.of("t_reader")));

        assertEquals("42501", refusal.sqlState());
        assertTrue(refusal.getMessage().contains("permission denied to alter role"), refusal.getMessage());
        assertFalse(RoleFacts.existing(user).canLogin());
    }
}
