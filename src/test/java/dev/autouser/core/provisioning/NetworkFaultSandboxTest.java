package dev.autouser.core.provisioning;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Secrets;
import dev.autouser.testsupport.FaultProxy;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, invariants 1 and 4: faults injected between the console and the server with a TCP
 * proxy; after each run the report, the audit log and the server (read directly, not through the
 * proxy) are compared. The time bounds only catch hangs: each run takes seconds when it works.
 */
class NetworkFaultSandboxTest extends SeededContract {
    /** Connect timeout 1 s, so a lost reply is declared after 6 s. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration HANG = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private FaultProxy proxy;
    private AuditLog audit;

    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }

    @BeforeEach
    void startProxy() {
        proxy = FaultProxy.inFrontOf(target().uri());
        audit = new AuditLog(dir.resolve("audit.jsonl"));
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private MongoGateway throughProxy() {
        return MongoGateway.connect(ConnectionProfile.x509(proxy.uri(target().uri()), target().caFile(),
                target().clientFile(MongoTarget.DBA)), Secrets.none(), TIMEOUT);
    }

    @Test
    void blackholeDuringALockStopsWithinTheReadTimeoutAndReportsEveryUser() {
        List<String> users = staleUsers(3);
        CleanupReport report;
        try (MongoGateway gateway = throughProxy()) {
            UserCleanup cleanup = new UserCleanup(gateway, audit, proxy::blackhole);
            report = assertTimeoutPreemptively(HANG, () -> cleanup.lock(users, ProgressListener.NONE));
        }
        Map<String, UserResult> byUser = byUser(report);
        assertEquals(users.size(), report.results().size(), report.results().toString());
        UserResult first = byUser.get(users.get(0));
        assertEquals(UserResult.Status.FAILED, first.status());
        assertTrue(first.detail().startsWith("lost the connection while locking"), first.detail());
        for (String other : users.subList(1, users.size())) {
            assertTrue(byUser.get(other).detail().startsWith("not attempted: the connection to the server was lost"),
                    byUser.get(other).detail());
        }
        assertTrue(report.stopped().isPresent());
        // the server: the blackhole ate the lock, nobody is locked
        users.forEach(u -> assertFalse(lockedOnServer(u), u));
        // the audit: intent, then "sent, outcome unknown" for the first user, nothing for the rest
        List<AuditRecord> records = audit.readNewestFirst(10);
        assertEquals(2, records.size(), records.toString());
        assertTrue(records.get(0).outcomeUnknown(), records.get(0).result());
        assertEquals("CN=" + users.get(0), records.get(0).targetUser());

        // the next run settles the unknown outcome from the server's state
        proxy.pass();
        try (MongoGateway gateway = throughProxy()) {
            new UserCleanup(gateway, audit).planFor(CleanupAction.LOCK, users);
        }
        AuditRecord resolution = audit.readNewestFirst(1).get(0);
        assertEquals(AuditRecord.Phase.RESOLUTION, resolution.phase());
        assertEquals(records.get(0).actionId(), resolution.actionId());
        assertEquals("resolved: not applied, CN=" + users.get(0) + " is not locked", resolution.result());
    }

    @Test
    void aDropWhoseReplyIsLostIsAuditedSentOutcomeUnknownAndTheRerunSettlesIt() {
        List<String> users = staleUsers(2);
        CleanupReport report;
        try (MongoGateway gateway = throughProxy()) {
            // after the re-check: the lock's reply and both verifies' replies (right after the lock, and the
            // late-login check a moment later) pass, the drop's reply is lost
            UserCleanup cleanup = new UserCleanup(gateway, audit, () -> proxy.loseRepliesAfter(3));
            report = assertTimeoutPreemptively(HANG, () -> cleanup.drop(users.subList(0, 1), ProgressListener.NONE));
        }
        UserResult result = report.results().get(0);
        assertEquals(UserResult.Status.FAILED, result.status());
        assertTrue(result.detail().contains("lost the connection while dropping: the server may or may not have done it"),
                result.detail());
        // the server applied it
        assertNull(seeds.userInfo(users.get(0)), "the drop reached the server");
        AuditRecord lost = audit.readNewestFirst(1).get(0);
        assertTrue(lost.outcomeUnknown(), lost.result());
        assertTrue(lost.command().contains("dropUser"), lost.command());

        // a rerun (or a listing) settles it: the drop happened
        try (MongoGateway gateway = throughProxy()) {
            new UserCleanup(gateway, audit).planFor(CleanupAction.DROP, users.subList(1, 2));
        }
        AuditRecord resolution = audit.readNewestFirst(1).get(0);
        assertEquals(AuditRecord.Phase.RESOLUTION, resolution.phase());
        assertEquals(lost.actionId(), resolution.actionId());
        assertEquals("resolved: applied, CN=" + users.get(0) + " no longer exists", resolution.result());
        assertNotNull(seeds.userInfo(users.get(1)), "the rerun only planned");
    }

    @Test
    void aResetStopsTheRunAndEveryRemainingUserIsNotAttempted() {
        List<String> users = staleUsers(25);
        AtomicInteger groups = new AtomicInteger();
        CleanupReport report;
        try (MongoGateway gateway = throughProxy()) {
            UserCleanup cleanup = new UserCleanup(gateway, audit, () -> {
                if (groups.incrementAndGet() == 2) {
                    // the network path breaks for good after the first group of locks
                    proxy.refuseNewConnections(true);
                    proxy.resetAll();
                }
            });
            report = assertTimeoutPreemptively(HANG, () -> cleanup.lock(users, ProgressListener.NONE));
        }
        Map<String, UserResult> byUser = byUser(report);
        assertEquals(users.size(), byUser.size(), "every user has exactly one line");
        List<String> done = users.stream().filter(u -> byUser.get(u).status() == UserResult.Status.DONE).toList();
        assertEquals(CleanupExecutor.GROUP, done.size(), report.results().toString());
        long notAttempted = report.results().stream().filter(r -> r.detail().startsWith("not attempted")).count();
        assertEquals(users.size() - CleanupExecutor.GROUP - 1, notAttempted, report.results().toString());
        assertEquals(1, report.results().stream().filter(r -> r.detail().startsWith("lost the connection")).count(),
                report.results().toString());
        report.results().forEach(r -> assertFalse(r.detail().contains("TLS"), r.detail()));
        // report = server: exactly the done users are locked
        for (String user : users) {
            assertEquals(done.contains(user), lockedOnServer(user), user);
        }
        // report = audit: an ok outcome for each done user, an unknown one for the user in flight
        List<AuditRecord> outcomes = audit.readNewestFirst(1000).stream()
                .filter(r -> r.phase() == AuditRecord.Phase.OUTCOME).toList();
        assertEquals(done.stream().map(u -> "CN=" + u).sorted().toList(), outcomes.stream()
                .filter(r -> r.result().equals("ok")).map(AuditRecord::targetUser).sorted().toList());
        assertEquals(1, outcomes.stream().filter(AuditRecord::outcomeUnknown).count());
    }

    @Test
    void aRunWithLatencyCompletesAndMatchesTheServer() {
        List<String> users = staleUsers(12);
        proxy.latency(Duration.ofMillis(15));
        CleanupReport report;
        try (MongoGateway gateway = throughProxy()) {
            report = assertTimeoutPreemptively(HANG, () -> new UserCleanup(gateway, audit)
                    .lock(users, ProgressListener.NONE));
        }
        assertEquals(users.size(), report.done(), report.results().toString());
        users.forEach(u -> assertTrue(lockedOnServer(u), u));
        assertEquals(users.size() * 2, audit.readNewestFirst(1000).size());
    }

    private List<String> staleUsers(int count) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(seeds.autoUser("net-" + i, false, "read@db1"));
        }
        return users;
    }

    private boolean lockedOnServer(String user) {
        Document info = seeds.userInfo(user);
        return info != null && UserRecords.isLocked(info);
    }

    private static Map<String, UserResult> byUser(CleanupReport report) {
        return report.results().stream().collect(Collectors.toMap(r -> r.mongoName().substring(3),
                Function.identity()));
    }
}
