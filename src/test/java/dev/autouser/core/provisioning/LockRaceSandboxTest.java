package dev.autouser.core.provisioning;

import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Secrets;
import dev.autouser.testsupport.FaultProxy;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, invariant 3: sessions authenticate while a lock-only cleanup runs through a slow link
 * (15 ms per chunk, as in the report). No user that ends up with a live session may stay locked,
 * and the report must say so: "done locked" only for users that are locked and have no session.
 */
class LockRaceSandboxTest extends SeededContract {
    private static final int USERS = 40;

    @TempDir
    Path dir;

    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }

    @Test
    void noUserWhoConnectedDuringTheLockRunEndsLocked() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(seeds.autoUser("race-" + i, false, "read@db1"));
        }
        Set<String> connected = ConcurrentHashMap.newKeySet();
        List<MongoClient> sessions = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService racers = Executors.newFixedThreadPool(8);
        CountDownLatch started = new CountDownLatch(1);
        for (String user : users) {
            racers.submit(() -> {
                started.await();
                // every user tries to log in once, spread over the run; a locked user is refused
                Thread.sleep((long) (Math.random() * 1500));
                MongoClient client = target().connectAs(user, "racer");
                try {
                    client.getDatabase("admin").runCommand(new Document("ping", 1));
                    sessions.add(client);
                    connected.add(user);
                } catch (RuntimeException refused) {
                    client.close();
                }
                return null;
            });
        }
        CleanupReport report;
        try (FaultProxy proxy = FaultProxy.inFrontOf(target().uri());
             MongoGateway gateway = MongoGateway.connect(ConnectionProfile.x509(proxy.uri(target().uri()),
                     target().caFile(), target().clientFile(MongoTarget.DBA)), Secrets.none(), Duration.ofSeconds(5))) {
            proxy.latency(Duration.ofMillis(15));
            UserCleanup cleanup = new UserCleanup(gateway, new AuditLog(dir.resolve("audit.jsonl")));
            CleanupPlan plan = cleanup.planFor(CleanupAction.LOCK, users);
            started.countDown();
            report = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> cleanup.execute(plan, ProgressListener.NONE));
        } finally {
            racers.shutdown();
            assertTrue(racers.awaitTermination(2, TimeUnit.MINUTES));
        }
        try {
            Map<String, UserResult> byUser = report.results().stream()
                    .collect(Collectors.toMap(r -> r.mongoName().substring(3), Function.identity()));
            assertEquals(USERS, byUser.size());
            for (String user : users) {
                Document info = seeds.userInfo(user);
                boolean locked = UserRecords.isLocked(info);
                if (connected.contains(user)) {
                    assertFalse(locked, user + " has a live session but is locked: " + byUser.get(user));
                    assertEquals(1, info.getList("roles", Document.class).size(), user + " lost its roles");
                    assertTrue(byUser.get(user).status() != UserResult.Status.DONE, byUser.get(user).toString());
                } else {
                    assertEquals(byUser.get(user).status() == UserResult.Status.DONE, locked, byUser.get(user).toString());
                }
            }
        } finally {
            sessions.forEach(MongoClient::close);
        }
    }
}
