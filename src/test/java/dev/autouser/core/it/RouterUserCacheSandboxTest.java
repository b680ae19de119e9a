package dev.autouser.core.it;

import com.mongodb.MongoException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mongos caches users (userCacheInvalidationIntervalSecs): after a lock written through one router,
 * another still lets the user in until its cache is invalidated. Two sandbox routers whose caches
 * live 10 minutes (as MongoDB's mongos_cache_invalidation.js runs one mongos at 600 s), so only
 * {@code invalidateUserCache} can clear them within the test.
 */
class RouterUserCacheSandboxTest {
    private static final MongoTarget TARGET = MongoTarget.newCluster(
            SandboxCluster.routers(2).userCacheInvalidationInterval(Duration.ofMinutes(10)));
    private static final SandboxCluster ROUTERS = TARGET.sandboxCluster().orElseThrow();

    @TempDir
    Path dir;

    private Seeds seeds;

    @BeforeEach
    void setUp() {
        seeds = new Seeds(TARGET);
    }

    @AfterEach
    void tearDown() {
        seeds.dropAll();
    }

    /** Logs in through {@code router} and runs one command, so that router caches the user. */
    private static Document readThrough(int router, String name) {
        try (MongoClient client = TARGET.connectDirectlyAs(name, ROUTERS.hosts().get(router), null)) {
            return client.getDatabase("db1").runCommand(new Document("count", "things"));
        }
    }

    private static void cachedOnEveryRouter(String name) {
        for (int router = 0; router < ROUTERS.nodes().size(); router++) {
            assertEquals(1.0, ((Number) readThrough(router, name).get("ok")).doubleValue());
        }
    }

    private static void refusedOnEveryRouter(String name) {
        for (int router = 0; router < ROUTERS.nodes().size(); router++) {
            int r = router;
            MongoException refused = assertThrows(MongoException.class, () -> readThrough(r, name),
                    "router " + ROUTERS.hosts().get(router) + " still lets " + name + " in");
            assertTrue(refused.getCode() == 13 || refused.getCode() == 18 || refused.getCode() == -4,
                    refused.getCode() + " " + refused.getMessage());
        }
    }

    @Test
    void aRouterServesItsCachedUserAfterALockThroughAnotherUntilItsCacheIsInvalidated() {
        String name = seeds.autoUser("cached", false, "read@db1");
        cachedOnEveryRouter(name);
        try (MongoClient viaFirst = TARGET.connectDirectlyAs(MongoTarget.DBA, ROUTERS.hosts().get(0), null)) {
            viaFirst.getDatabase("$external").runCommand(new Document("updateUser", "CN=" + name)
                    .append("roles", List.of())
                    .append("authenticationRestrictions", List.of(new Document("clientSource", List.of("0.0.0.0")))));
        }
        assertThrows(MongoException.class, () -> readThrough(0, name), "the router that wrote the lock");
        assertEquals(1.0, ((Number) readThrough(1, name).get("ok")).doubleValue(),
                "the other router still has the unlocked user in its cache");
        try (MongoClient second = TARGET.connectDirectlyAs(MongoTarget.DBA, ROUTERS.hosts().get(1), null)) {
            second.getDatabase("admin").runCommand(new Document("invalidateUserCache", 1));
        }
        refusedOnEveryRouter(name);
    }

    @Test
    void aUserTheConsoleLockedCannotRunANewCommandThroughAnyRouter() {
        String name = seeds.autoUser("console-lock", false, "read@db1");
        cachedOnEveryRouter(name);
        try (MongoGateway dba = seeds.gatewayAs(MongoTarget.DBA)) {
            CleanupReport report = new UserCleanup(dba, new AuditLog(dir.resolve("audit.jsonl")))
                    .lock(List.of(name), (result, done, total) -> { });
            UserResult result = report.results().get(0);
            assertEquals(UserResult.Status.DONE, result.status(), result.detail());
            assertEquals("locked, verified without session", result.detail());
        }
        refusedOnEveryRouter(name);
    }

    @Test
    void aUserTheConsoleDroppedCannotLogInThroughAnyRouter() {
        String name = seeds.autoUser("console-drop", false, "read@db1");
        cachedOnEveryRouter(name);
        try (MongoGateway dba = seeds.gatewayAs(MongoTarget.DBA)) {
            CleanupReport report = new UserCleanup(dba, new AuditLog(dir.resolve("audit.jsonl")))
                    .drop(List.of(name), (result, done, total) -> { });
            assertEquals(UserResult.Status.DONE, report.results().get(0).status(), report.results().toString());
        }
        refusedOnEveryRouter(name);
    }

    @Test
    void withoutInvalidateUserCacheTheLockSaysWhichRouterMayStillLetTheUserInAndTheDropIsNotDone() {
        String admin = seeds.leastPrivilegeAdmin(List.of("db1"));
        String locked = seeds.autoUser("stale-lock", false, "read@db1");
        String dropped = seeds.autoUser("stale-drop", false, "read@db1");
        try (MongoGateway limited = seeds.gatewayAs(admin)) {
            UserCleanup cleanup = new UserCleanup(limited, new AuditLog(dir.resolve("audit.jsonl")));
            UserResult lock = cleanup.lock(List.of(locked), (result, done, total) -> { }).results().get(0);
            assertEquals(UserResult.Status.DONE, lock.status(), lock.detail());
            assertTrue(lock.detail().contains(ROUTERS.hosts().get(0) + " (mongos)")
                    && lock.detail().contains(ROUTERS.hosts().get(1) + " (mongos)"), lock.detail());
            assertTrue(lock.detail().contains("may still log in and run commands there until the user cache refreshes"
                    + " (userCacheInvalidationIntervalSecs, 30 s by default)"), lock.detail());
            assertTrue(lock.detail().contains("invalidateUserCache on the cluster"), lock.detail());

            UserResult drop = cleanup.drop(List.of(dropped), (result, done, total) -> { }).results().get(0);
            assertEquals(UserResult.Status.FAILED, drop.status(), drop.detail());
            assertTrue(drop.detail().endsWith("not dropped, it stays locked; run the drop again once that interval"
                    + " has passed"), drop.detail());
        }
        assertTrue(seeds.exists(dropped));
    }

    @Test
    void aRouterRereadsTheUserOnceItsIntervalHasPassed() throws InterruptedException {
        try (SandboxCluster quick = SandboxCluster.routers(2).userCacheInvalidationInterval(Duration.ofMillis(300))
                .start()) {
            var cache = dev.autouser.sandbox.security.SecurityState.routerOf(quick.security(), Duration.ofMillis(300));
            var id = new dev.autouser.sandbox.security.UserId("CN=quick", "$external");
            quick.security().users().put(dev.autouser.sandbox.security.StoredUser.x509("CN=quick",
                    List.of(dev.autouser.sandbox.security.RoleId.of("read", "db1"))));
            assertEquals(1, cache.acquire(id).orElseThrow().roles().size());
            quick.security().users().remove(id);
            assertTrue(cache.acquire(id).isPresent(), "served from the cache");
            Thread.sleep(400);
            assertTrue(cache.acquire(id).isEmpty(), "re-read after the interval");
        }
    }
}
