package dev.autouser.sandbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.autouser.core.pki.ClientIdentity;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.pki.SslContexts;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import dev.autouser.sandbox.security.UserId;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo seed and its live activity, checked through the official driver where it matters. */
class DemoDataTest {
    @TempDir
    static Path pkiDir;
    static DevPki pki;
    static SandboxServer server;
    static DemoData.Seeded seeded;

    @BeforeAll
    static void startDemo() {
        pki = DevPki.openOrCreate(pkiDir);
        server = SandboxServer.builder().port(0).tls(pki).build().start();
        seeded = DemoData.seed(server, pki, DemoData.Options.demo());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static MongoClient connect(Path clientFile, MongoCredential credential) {
        return connect(server, clientFile, credential);
    }

    private static MongoClient connect(SandboxServer target, Path clientFile, MongoCredential credential) {
        ClientIdentity identity = ClientIdentity.load(clientFile, null, null);
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(target.connectionString()))
                .applyToSslSettings(ssl -> ssl.enabled(true)
                        .context(SslContexts.forClient(List.of(pki.caCertificate()), identity)))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .credential(credential).build());
    }

    private static Set<String> sessionUsers(MongoClient admin) {
        Document reply = admin.getDatabase("admin").runCommand(new Document("currentOp", 1).append("$all", true)
                .append("effectiveUsers.db", "$external").append("appName", new Document("$exists", true)));
        return reply.getList("inprog", Document.class).stream()
                .map(op -> op.getList("effectiveUsers", Document.class).get(0).getString("user"))
                .filter(user -> !user.equals("CN=teleport-admin"))
                .collect(Collectors.toSet());
    }

    @Test
    void rosterHoldsAutoUsersInEveryStateWithTheirCertificates() {
        assertEquals(30, seeded.autoUsers().size());
        for (DemoData.DemoState state : DemoData.DemoState.values()) {
            assertTrue(seeded.autoUsers().stream().filter(u -> u.state() == state).count() >= 8, state.name());
        }
        assertTrue(seeded.autoUsers().stream().anyMatch(u -> u.teleportName().matches("remote-.+-.+")));
        for (DemoData.DemoUser user : seeded.autoUsers()) {
            assertTrue(Files.exists(pkiDir.resolve("users/" + user.teleportName() + ".pem")), user.teleportName());
        }
        assertTrue(Files.exists(pkiDir.resolve("dba.pem")));
        assertTrue(Files.exists(pkiDir.resolve("teleport-admin.pem")));
    }

    @Test
    void lockedDemoUserHasNoRolesAndCannotLogIn() {
        DemoData.DemoUser locked = seeded.autoUsers().stream()
                .filter(u -> u.state() == DemoData.DemoState.LOCKED).findFirst().orElseThrow();
        StoredUser stored = server.security().users().find(new UserId(locked.mongoName(), "$external")).orElseThrow();
        assertEquals(List.of(), stored.roles());
        assertEquals(true, stored.customData().orElseThrow().get(DemoData.AUTO_USER_TAG));
        try (MongoClient client = connect(DemoData.userFile(pki, locked.teleportName()),
                MongoCredential.createMongoX509Credential())) {
            MongoSecurityException e = assertThrows(MongoSecurityException.class,
                    () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
            assertEquals(18, ((MongoCommandException) e.getCause()).getErrorCode());
        }
    }

    @Test
    void adminRoleHasARealisticDriftAndUntouchableUsersLackTheTag() {
        var role = server.security().roles().find(TeleportAdminRoles.ROLE).orElseThrow();
        assertFalse(role.privileges().stream().anyMatch(p -> p.actions().contains(DemoData.DRIFT_MISSING_ACTION)));
        assertTrue(role.privileges().stream().anyMatch(p -> p.actions().contains("inprog")));
        StoredUser app = server.security().users().find(new UserId("CN=app-backend", "$external")).orElseThrow();
        assertEquals(List.of(RoleId.of("readWrite", "db1")), app.roles());
        assertTrue(app.customData().isEmpty());
        StoredUser lookalike = server.security().users().find(new UserId("CN=remote-eve-root", "$external")).orElseThrow();
        assertFalse(lookalike.customData().orElseThrow().containsKey(DemoData.AUTO_USER_TAG));
        assertTrue(server.security().roles().find(DemoData.CUSTOM_ROLE).isPresent());
    }

    @Test
    void dbaLogsInWithThePrintedPassword() {
        try (MongoClient client = connect(seeded.dbaFile(),
                MongoCredential.createScramSha256Credential("dba", "admin", seeded.dbaPassword().toCharArray()))) {
            assertEquals(1.0, client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"));
        }
    }

    /** On a server of its own: the activity unlocks and locks users, which the other tests read. */
    @Test
    void activityOpensRealSessionsThatChangeOverTime() throws InterruptedException {
        try (SandboxServer lively = SandboxServer.builder().port(0).tls(pki).build().start()) {
            DemoData.Seeded livelySeed = DemoData.seed(lively, pki, DemoData.Options.demo());
            try (DemoActivity activity = DemoActivity.start(lively, pki, livelySeed, Duration.ofMillis(150));
                 MongoClient admin = connect(lively, livelySeed.teleportAdminFile(),
                         MongoCredential.createMongoX509Credential())) {
                assertTrue(activity.awaitInitialSessions(Duration.ofSeconds(30)));
                Set<String> first = sessionUsers(admin);
                assertTrue(first.size() >= 4, first.toString());
                assertTrue(first.stream().allMatch(user -> user.startsWith("CN=")));
                Set<String> later = new HashSet<>(first);
                for (int i = 0; i < 40 && later.equals(first); i++) {
                    Thread.sleep(200);
                    later = sessionUsers(admin);
                }
                assertNotEquals(first, later);
            }
        }
    }

    @Test
    void hundredThousandExtraUsersSeedQuickly() {
        SandboxServer bulk = SandboxServer.builder().port(0).build();
        long started = System.nanoTime();
        DemoBulkUsers.seed(bulk.security().users(), 100_000);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(100_000, bulk.security().users().size());
        assertTrue(millis < 15_000, "took " + millis + " ms");
        System.out.println("Seeded 100,000 auto-users in " + millis + " ms");
    }
}
