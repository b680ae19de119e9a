package dev.autouser.cli;

import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.postgres.SqlText;
import dev.autouser.testsupport.HeldCommits;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN §5, a lost network never hides a change, for PostgreSQL: the connection dies while a lock's or
 * a drop's COMMIT is under way (the server committed it, the reply is lost: {@link HeldCommits}); the
 * audit says "sent, outcome unknown", and the next listing settles it from what the server shows. The
 * time bound only catches a hang.
 */
class PostgresLostReplyTest {
    private static final Duration HANG = Duration.ofSeconds(180);
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);
    private final PostgresTarget target = PostgresTarget.shared();
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void dropSeeds() {
        target.dropRoles(created);
    }

    @Test
    void aLockWhoseCommitLosesItsReplyIsAuditedAsUnknownAndTheNextListingSaysItWasApplied() throws Exception {
        String user = autoUser("lock");
        Path home = Files.createTempDirectory("autouser-lost");
        CliRun lock;
        try (HeldCommits held = HeldCommits.cuttingCommit(target, 1)) {
            lock = assertTimeoutPreemptively(HANG, () -> CliRun.runIn(home, false, "", "lock", user, "--uri", held.uri(),
                    "--timeout", "2"));
            assertTrue(held.cutStatement().isPresent(), () -> "the first commit (the NOLOGIN's) was cut: " + lock);
        }
        assertEquals(1, lock.code(), lock.toString());
        assertTrue(lock.out().contains(user + ": lost the connection while locking: the server may or may not have done it"
                + " (audit: \"sent, outcome unknown\")"), lock.toString());
        assertFalse(target.canLogin(user), "PostgreSQL committed the NOLOGIN before the connection was cut");
        AuditRecord lost = lock.audit().get(lock.audit().size() - 1);
        assertTrue(lost.outcomeUnknown(), lost.toString());
        assertTrue(lost.command().contains("ALTER ROLE " + SqlText.identifier(user) + " NOLOGIN;"), lost.command());

        CliRun list = CliRun.runIn(home, false, "", "list", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(0, list.code(), list.toString());
        AuditRecord resolution = list.audit().get(list.audit().size() - 1);
        assertEquals(AuditRecord.Phase.RESOLUTION, resolution.phase());
        assertEquals(lost.actionId(), resolution.actionId());
        assertEquals("resolved: applied, " + user + " cannot log in (NOLOGIN)", resolution.result());

        int records = list.audit().size();
        CliRun again = CliRun.runIn(home, false, "", "list", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(records, again.audit().size(), "settled once: " + again.audit());
    }

    @Test
    void aLockOfARoleNamedLikeADropIsSettledAsALockNotAsADrop() throws Exception {
        String user = autoUser("x DROP ROLE y");
        Path home = Files.createTempDirectory("autouser-lost");
        try (HeldCommits held = HeldCommits.cuttingCommit(target, 1)) {
            CliRun lock = assertTimeoutPreemptively(HANG, () -> CliRun.runIn(home, false, "", "lock", user, "--uri", held.uri(),
                    "--timeout", "2"));
            assertTrue(held.cutStatement().isPresent(), () -> "the NOLOGIN's commit was cut: " + lock);
            assertTrue(lock.audit().get(lock.audit().size() - 1).outcomeUnknown(), lock.toString());
        }
        assertFalse(target.canLogin(user), "PostgreSQL committed the NOLOGIN before the connection was cut");

        CliRun list = CliRun.runIn(home, false, "", "list", "--uri", target.psqlUri(PostgresTarget.DBA));
        AuditRecord resolution = list.audit().get(list.audit().size() - 1);
        assertEquals(AuditRecord.Phase.RESOLUTION, resolution.phase());
        assertEquals("resolved: applied, " + user + " cannot log in (NOLOGIN)", resolution.result());
    }

    @Test
    void aDropWhoseCommitLosesItsReplyIsAuditedAsUnknownAndTheNextListingSaysTheRoleIsGone() throws Exception {
        String user = autoUser("drop");
        Path home = Files.createTempDirectory("autouser-lost");
        CliRun drop;
        try (HeldCommits held = HeldCommits.cuttingCommit(target, 3)) {
            drop = assertTimeoutPreemptively(HANG, () -> CliRun.runIn(home, false, "", "drop", user, "--yes", "--uri", held.uri(),
                    "--timeout", "2"));
            assertTrue(held.cutStatement().isPresent(), "the third commit (NOLOGIN, REVOKE, then the DROP ROLE's) was cut");
        }
        assertEquals(1, drop.code(), drop.toString());
        assertTrue(drop.out().contains(user + ": locked; lost the connection while dropping: the server may or may not have"
                + " done it"), drop.toString());
        assertFalse(target.roleExists(user), "PostgreSQL committed the DROP ROLE before the connection was cut");
        AuditRecord lost = drop.audit().get(drop.audit().size() - 1);
        assertTrue(lost.outcomeUnknown(), lost.toString());
        assertTrue(lost.command().contains("DROP ROLE " + SqlText.identifier(user) + ";"), lost.command());

        CliRun list = CliRun.runIn(home, false, "", "list", "--uri", target.psqlUri(PostgresTarget.DBA));
        AuditRecord resolution = list.audit().get(list.audit().size() - 1);
        assertEquals(lost.actionId(), resolution.actionId());
        assertEquals("resolved: applied, " + user + " no longer exists", resolution.result());
    }


    @Test
    void aLockCutBeforeItsCommitIsAuditedAsUnknownAndTheNextListingSaysItWasNotApplied() throws Exception {
        String user = autoUser("blocked");
        Path home = Files.createTempDirectory("autouser-lost");
        CliRun lock;
        // another transaction holds the role's catalog row, so the console's NOLOGIN waits for it, uncommitted
        try (java.sql.Connection other = target.admin(); java.sql.Statement holder = other.createStatement()) {
            other.setAutoCommit(false);
            holder.execute("ALTER ROLE " + SqlText.identifier(user) + " VALID UNTIL 'infinity'");
            Thread cutter = new Thread(() -> terminateWhenWaitingForALock(), "cut-waiting-lock");
            cutter.setDaemon(true);
            cutter.start();
            lock = assertTimeoutPreemptively(HANG, () -> CliRun.runIn(home, false, "", "lock", user, "--uri",
                    target.psqlUri(PostgresTarget.DBA), "--timeout", "2"));
            cutter.join(HANG.toMillis());
            other.rollback();
        }
        assertTrue(lock.out().contains(user + ": lost the connection while locking: the server may or may not have done it"),
                lock.toString());
        assertTrue(target.canLogin(user), "the NOLOGIN's transaction died with its connection");
        AuditRecord lost = lock.audit().get(lock.audit().size() - 1);
        assertTrue(lost.outcomeUnknown(), lost.toString());

        CliRun list = CliRun.runIn(home, false, "", "list", "--uri", target.psqlUri(PostgresTarget.DBA));
        AuditRecord resolution = list.audit().get(list.audit().size() - 1);
        assertEquals(lost.actionId(), resolution.actionId());
        assertEquals("resolved: not applied, " + user + " can still log in (LOGIN)", resolution.result());
    }

    /** Terminates the console's backend once it waits for the row lock (nothing timed: it waits until then). */
    private void terminateWhenWaitingForALock() {
        String waiting = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND application_name = 'autouser' AND query LIKE 'DO %'";
        for (int i = 0; i < 3_000 && !target.queryBoolean(waiting); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String autoUser(String base) {
        String name = "pglost" + RUN + "-" + base;
        created.add(name);
        target.sql("DO $$BEGIN IF to_regrole('pgc_reader') IS NULL THEN CREATE ROLE pgc_reader; END IF; END$$",
                "CREATE ROLE " + SqlText.identifier(name) + " LOGIN IN ROLE \"teleport-auto-user\", pgc_reader");
        return name;
    }



}
