package dev.autouser.core.it;

import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replication lag: a secondary that has not applied the console's lock still lets the user log in,
 * so the console waits for every member before its last session check, and its writes need a
 * majority. Sandbox only (it pauses a member's replication).
 */
class ReplicationLagSandboxTest {
    private static final MongoTarget TARGET = MongoTarget.newReplicaSet(3);
    private static final SandboxCluster SET = TARGET.sandboxCluster().orElseThrow();
    /** Short, so a wait for a member that never catches up ends soon. */
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
        for (int i = 0; i < SET.nodes().size(); i++) {
            if (i != SET.primaryIndex()) {
                SET.resumeReplication(i);
            }
        }
        dba.close();
        seeds.dropAll();
    }

    @AfterAll
    static void closeSet() {
        SET.close();
    }

    private int secondary(int nth) {
        return (SET.primaryIndex() + nth) % SET.nodes().size();
    }

    private void ping(String user, String host) {
        try (MongoClient client = TARGET.connectDirectlyAs(user, host, null)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        }
    }

    private boolean lockedOnPrimary(String user) {
        return !seeds.userInfo(user).getList("authenticationRestrictions", Object.class, List.of()).isEmpty();
    }

    @Test
    void aLaggingSecondaryStillLetsAUserLockedOnThePrimaryLogInUntilItCatchesUp() {
        String user = seeds.autoUser("lag-login", false, "read@db1");
        String lagging = SET.hosts().get(secondary(1));
        String following = SET.hosts().get(secondary(2));
        SET.pauseReplication(secondary(1));
        TARGET.dba().getDatabase("$external").runCommand(new Document("updateUser", "CN=" + user)
                .append("authenticationRestrictions", List.of(new Document("clientSource", List.of("0.0.0.0")))));
        ping(user, lagging);
        assertThrows(MongoSecurityException.class, () -> ping(user, following));
        SET.resumeReplication(secondary(1));
        assertThrows(MongoSecurityException.class, () -> ping(user, lagging));
    }

    @Test
    void aDropWaitsForEveryMemberToApplyTheLockAndLeavesTheUserLockedWhileOneLags() {
        String user = seeds.autoUser("lag-drop", false, "read@db1");
        String lagging = SET.hosts().get(secondary(1));
        SET.pauseReplication(secondary(1));
        CleanupReport report = cleanup.drop(List.of(user), (result, done, total) -> { });
        UserResult result = report.results().get(0);
        assertEquals(UserResult.Status.FAILED, result.status(), result.toString());
        assertTrue(result.detail().contains(lagging) && result.detail().contains("replication lag")
                && result.detail().contains("not dropped"), result.detail());
        assertTrue(seeds.exists(user), "not dropped");
        assertTrue(lockedOnPrimary(user), "it stays locked");

        SET.resumeReplication(secondary(1));
        CleanupReport rerun = cleanup.drop(List.of(user), (r, done, total) -> { });
        assertEquals(UserResult.Status.DONE, rerun.results().get(0).status(), rerun.results().toString());
        assertFalse(seeds.exists(user));
    }

    @Test
    void aLockWithALaggingMemberIsDoneAndSaysWhereTheUserCanStillLogIn() {
        String user = seeds.autoUser("lag-lock", false, "read@db1");
        String lagging = SET.hosts().get(secondary(2));
        SET.pauseReplication(secondary(2));
        CleanupReport report = cleanup.lock(List.of(user), (result, done, total) -> { });
        UserResult result = report.results().get(0);
        assertEquals(UserResult.Status.DONE, result.status(), result.toString());
        assertTrue(result.detail().contains(lagging) && result.detail().contains("can still log in there"),
                result.detail());
        assertTrue(lockedOnPrimary(user));
    }

    @Test
    void theConsolesWritesNeedAMajoritySoWithTwoMembersBehindTheDropIsNotConfirmedAndNotDone() {
        String user = seeds.autoUser("lag-majority", false, "read@db1");
        SET.pauseReplication(secondary(1));
        SET.pauseReplication(secondary(2));
        CleanupReport report = cleanup.drop(List.of(user), (result, done, total) -> { });
        UserResult result = report.results().get(0);
        assertEquals(UserResult.Status.FAILED, result.status(), result.toString());
        assertTrue(result.detail().contains("not confirmed by the replica set") && result.detail().contains("not dropped")
                && result.detail().contains("WriteConcernFailed"), result.detail());
        assertTrue(seeds.exists(user), "not dropped");
        assertTrue(lockedOnPrimary(user), "the lock stands on the primary");
    }
}
