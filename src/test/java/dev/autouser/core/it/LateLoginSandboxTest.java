package dev.autouser.core.it;

import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.sandbox.LateLogins;
import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.sandbox.security.UserId;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The late-attached login, forced: the server reads the user (not locked yet) and admits the login;
 * the console's lock lands; the console's session check right after the lock runs before the login is
 * attached to its connection, so it sees no session; then the login attaches. mongod does these
 * steps in this order (addAndAuthorizeUser: acquireUser, validateRestrictions, then the client lock),
 * and a busy server can be paused between them. The sandbox's {@link LateLogins} hook holds the login
 * there, on a secondary, until the first {@code $currentOp} answered after the lock: no timing.
 */
class LateLoginSandboxTest {
    private static final MongoTarget TARGET = MongoTarget.newReplicaSet(3);
    private static final SandboxCluster SET = TARGET.sandboxCluster().orElseThrow();

    @TempDir
    Path dir;

    private Seeds seeds;
    private MongoGateway dba;
    private UserCleanup cleanup;

    @BeforeEach
    void setUp() {
        seeds = new Seeds(TARGET);
        dba = TARGET.dbaGateway(Duration.ofSeconds(10));
        cleanup = new UserCleanup(dba, new AuditLog(dir.resolve("audit.jsonl")));
    }

    @AfterEach
    void tearDown() {
        dba.close();
        seeds.dropAll();
    }

    @AfterAll
    static void closeSet() {
        SET.close();
    }

    private int secondary() {
        return (SET.primaryIndex() + 1) % SET.nodes().size();
    }

    /** Read from the shared store in memory: the hook runs inside the server, so it must not ask over the network. */
    private static boolean lockedInStore(String user) {
        return SET.security().users().find(new UserId("CN=" + user, "$external"))
                .map(stored -> !stored.restrictions().isEmpty()).orElse(false);
    }

    /** The person's login is read before the lock and attached after the console's first check after it. */
    private LateLogins.Held holdLoginUntilAfterTheLock(String user) {
        return SET.node(secondary()).lateLogins().holdNext("CN=" + user, "$external", () -> lockedInStore(user));
    }

    /** The person connects to the secondary (ping needs no login): its login is read now, attached later. */
    private MongoClient connectWithTheLoginHeld(String user, LateLogins.Held held) {
        MongoClient person = TARGET.connectDirectlyAs(user, SET.hosts().get(secondary()), null);
        person.getDatabase("admin").runCommand(new Document("ping", 1));
        assertTrue(held.isWaiting(), "the login read its user and waits to be attached");
        return person;
    }

    private static Document firstDocumentAs(MongoClient person) {
        // find needs the login (read@db1); ping would not
        return person.getDatabase("db1").runCommand(new Document("find", "late").append("limit", 1));
    }

    @Test
    void aLoginAttachedAfterTheCheckThatFollowsTheLockStopsTheDropAndKeepsItsSession() {
        String user = seeds.autoUser("late-drop", false, "read@db1");
        LateLogins.Held held = holdLoginUntilAfterTheLock(user);
        try (MongoClient person = connectWithTheLoginHeld(user, held)) {

            CleanupReport report = cleanup.drop(List.of(user), (result, done, total) -> { });

            assertTrue(held.isAttached(), "the login was attached after the lock");
            UserResult result = report.results().get(0);
            assertEquals(UserResult.Status.SKIPPED, result.status(), result.toString());
            assertTrue(result.detail().contains("connected while being dropped") && result.detail().contains("lock undone"),
                    result.detail());
            assertTrue(seeds.exists(user), "not dropped");
            assertTrue(seeds.userInfo(user).getList("authenticationRestrictions", Object.class, List.of()).isEmpty(),
                    "the lock is undone");
            assertNotNull(firstDocumentAs(person), "the person who just connected keeps working on the same connection");
        }
    }

    @Test
    void aLoginAttachedAfterTheCheckThatFollowsTheLockUndoesALockToo() {
        String user = seeds.autoUser("late-lock", false, "read@db1");
        LateLogins.Held held = holdLoginUntilAfterTheLock(user);
        try (MongoClient person = connectWithTheLoginHeld(user, held)) {

            CleanupReport report = cleanup.lock(List.of(user), (result, done, total) -> { });

            assertTrue(held.isAttached());
            UserResult result = report.results().get(0);
            assertEquals(UserResult.Status.SKIPPED, result.status(), result.toString());
            assertTrue(result.detail().contains("connected while being locked"), result.detail());
            assertFalse(seeds.userInfo(user).getList("roles", Object.class, List.of()).isEmpty(), "its roles are back");
            assertNotNull(firstDocumentAs(person));
        }
    }
}
