package dev.autouser.core.it;

import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.Deployment;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import dev.autouser.testsupport.SettableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A delayed member ({@code secondaryDelaySecs}, here an hour, as backups are often delayed) applies
 * every write that long after the primary: the console's lock does not reach it within any wait, so
 * the user can still log in there and a drop must leave it locked, saying so and when to run it
 * again, not "replication lag ... once it has caught up" (a delayed member never catches up). The
 * set's delay runs on the test's clock, so the hour passes when the test says.
 */
class DelayedMemberSandboxTest {
    private static final Duration DELAY = Duration.ofHours(1);
    private static final int DELAYED = 2;
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-12-02T00:00:00Z"));
    private static final MongoTarget TARGET = MongoTarget.newCluster(
            SandboxCluster.replicaSet(3).delayed(DELAYED, DELAY).delayClock(CLOCK));
    private static final SandboxCluster SET = TARGET.sandboxCluster().orElseThrow();
    /** Short: the console waits this long for the members to apply the lock. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private Seeds seeds;
    private MongoGateway dba;
    private UserCleanup cleanup;

    @BeforeEach
    void setUp() {
        seeds = new Seeds(TARGET);
        dba = TARGET.dbaGateway(TIMEOUT);
        cleanup = new UserCleanup(dba, new AuditLog(dir.resolve("audit.jsonl")));
    }

    @AfterEach
    void tearDown() {
        dba.close();
        seeds.dropAll();
        CLOCK.advance(DELAY); // the drops reach the delayed member too
    }

    @AfterAll
    static void closeSet() {
        SET.close();
    }

    private static String delayedHost() {
        return SET.hosts().get(DELAYED);
    }

    private static void ping(String user, String host) {
        try (MongoClient client = TARGET.connectDirectlyAs(user, host, null)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        }
    }

    /** A user created an hour ago: the delayed member has it too, unlocked. */
    private String autoUserAnHourOld(String base) {
        String user = seeds.autoUser(base, false, "read@db1");
        assertThrows(MongoSecurityException.class, () -> ping(user, delayedHost()), "not on the delayed member yet");
        CLOCK.advance(DELAY);
        ping(user, delayedHost());
        return user;
    }

    @Test
    void theConsoleKnowsTheDelayedMemberAndItsDelayFromTheSetsConfig() {
        Deployment.Node delayed = dba.deployment().nodes().stream()
                .filter(n -> n.host().equals(delayedHost())).findFirst().orElseThrow();
        assertEquals(new Deployment.Node(delayedHost(), Deployment.NodeRole.DELAYED, DELAY), delayed);
        Document hello = TARGET.dba().getDatabase("admin").runCommand(new Document("hello", 1));
        assertFalse(hello.getList("hosts", String.class).contains(delayedHost()), hello.toJson());
        try (MongoClient direct = TARGET.connectDirectlyAs(MongoTarget.DBA, delayedHost(), null)) {
            Document own = direct.getDatabase("admin").runCommand(new Document("hello", 1));
            // As mongod's TopologyCoordinator fills it: priority 0 makes it passive, and it says its delay.
            assertEquals(3600L, ((Number) own.get("secondaryDelaySecs")).longValue(), own.toJson());
            assertEquals(true, own.get("passive"), own.toJson());
            assertFalse(own.containsKey("hidden"), own.toJson());
        }
    }

    @Test
    void aDropLeavesTheUserLockedWhileTheDelayedMemberLetsItInAndSaysToDropAgainOnceTheDelayHasPassed() {
        String user = autoUserAnHourOld("delayed-drop");

        CleanupReport report = cleanup.drop(List.of(user), (result, done, total) -> { });

        UserResult result = report.results().get(0);
        assertEquals(UserResult.Status.FAILED, result.status(), result.toString());
        assertEquals("locked, but " + delayedHost() + " (delayed) applies every write 3600 s after the primary"
                + " (secondaryDelaySecs), so CN=" + user + " can still log in there: not dropped, it stays locked;"
                + " run the drop again once 3600 s have passed since the lock", result.detail());
        assertTrue(seeds.exists(user), "not dropped");
        assertFalse(seeds.userInfo(user).getList("authenticationRestrictions", Object.class).isEmpty(), "locked");
        ping(user, delayedHost()); // "can still log in there"
        assertThrows(MongoSecurityException.class, () -> ping(user, SET.hosts().get(SET.primaryIndex())));

        CLOCK.advance(DELAY); // "once 3600 s have passed since the lock": the lock has reached the delayed member
        assertThrows(MongoSecurityException.class, () -> ping(user, delayedHost()));
        CleanupReport rerun = cleanup.drop(List.of(user), (r, done, total) -> { });
        assertEquals(UserResult.Status.DONE, rerun.results().get(0).status(), rerun.results().toString());
        assertFalse(seeds.exists(user));
    }

    @Test
    void aUserYoungerThanTheDelayIsNotOnTheDelayedMemberSoItCannotLogInThereAndIsDropped() {
        String user = seeds.autoUser("delayed-young", false, "read@db1");
        assertThrows(MongoSecurityException.class, () -> ping(user, delayedHost()));

        CleanupReport report = cleanup.drop(List.of(user), (result, done, total) -> { });

        assertEquals(UserResult.Status.DONE, report.results().get(0).status(), report.results().toString());
        assertFalse(seeds.exists(user));
        CLOCK.advance(DELAY); // its creation and its drop reach the delayed member together
        assertThrows(MongoSecurityException.class, () -> ping(user, delayedHost()));
    }

    @Test
    void aLockIsDoneAndSaysTheUserCanStillLogInOnTheDelayedMemberUntilTheDelayHasPassed() {
        String user = autoUserAnHourOld("delayed-lock");

        CleanupReport report = cleanup.lock(List.of(user), (result, done, total) -> { });

        UserResult result = report.results().get(0);
        assertEquals(UserResult.Status.DONE, result.status(), result.toString());
        assertEquals("locked, verified without session; " + delayedHost() + " (delayed) applies every write 3600 s"
                + " after the primary (secondaryDelaySecs), so CN=" + user + " can still log in there until 3600 s"
                + " have passed since the lock", result.detail());
        ping(user, delayedHost());
        CLOCK.advance(DELAY);
        assertThrows(MongoSecurityException.class, () -> ping(user, delayedHost()));
    }
}
