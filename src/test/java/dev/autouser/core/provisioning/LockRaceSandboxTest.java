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
 *
 * <p>A live session is one that can act as its user: each racer runs a command that needs the login
 * ({@code find}). {@code ping} needs none, so it also answers a login that MongoDB admitted with the
 * user document read just before the lock but attached to the connection just after the last
 * {@code $currentOp}: such a connection is cut on its next command (mongod re-checks a changed
 * user's authentication restrictions in {@code AuthorizationSession::startRequest}), and the test
 * checks that too: after the run, no locked user is still logged in on any racer's connection.
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
        Map<MongoClient, String> sessions = new ConcurrentHashMap<>();
        ExecutorService racers = Executors.newFixedThreadPool(8);
        CountDownLatch started = new CountDownLatch(1);
        for (String user : users) {
            racers.submit(() -> {
                started.await();
                // every user tries to log in once, spread over the run; a locked user is refused
                Thread.sleep((long) (Math.random() * 1500));
                MongoClient client = target().connectAs(user, "racer");
                sessions.put(client, user);
                try {
                    // needs the login, unlike ping: a refused or already-cut login fails here
                    client.getDatabase("db1").runCommand(new Document("find", "race").append("limit", 1));
                    connected.add(user);
                } catch (RuntimeException refused) {
                    // refused at login (locked) or cut on this command: checked again below
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
            sessions.forEach((client, user) -> {
                if (UserRecords.isLocked(seeds.userInfo(user))) {
                    assertFalse(loggedIn(client, user), user + " is locked but still logged in on a racer's connection");
                }
            });
        } finally {
            sessions.keySet().forEach(MongoClient::close);
        }
    }

    /** connectionStatus needs no login itself; a client whose login is refused cannot open a connection at all. */
    private static boolean loggedIn(MongoClient client, String user) {
        try {
            Document status = client.getDatabase("admin").runCommand(new Document("connectionStatus", 1));
            return status.get("authInfo", Document.class).getList("authenticatedUsers", Document.class).stream()
                    .anyMatch(u -> u.getString("user").equals("CN=" + user));
        } catch (com.mongodb.MongoSecurityException refused) {
            return false;
        }
    }
}
