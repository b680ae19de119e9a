package dev.autouser.sandbox;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import dev.autouser.sandbox.security.AuthenticationRestriction;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** X.509 login through the official driver over TLS with client certificates. */
class SandboxAuthenticationTest {
    private final MongoTarget target = MongoTarget.sandbox();

    @Test
    void dbaLogsInWithX509AndIsTheEffectiveUserOfItsOwnOperation() {
        Document reply = target.dba().getDatabase("admin")
                .runCommand(new Document("currentOp", 1).append("$ownOps", true));
        List<Document> ops = reply.getList("inprog", Document.class);
        Document own = ops.stream().filter(op -> op.getBoolean("active")).findFirst().orElseThrow();
        assertEquals(List.of(new Document("user", "CN=dba").append("db", "$external")),
                own.getList("effectiveUsers", Document.class));
        assertEquals("currentOp", own.get("command", Document.class).keySet().iterator().next());
    }

    private long x509Counter(String kind, String field) {
        Document status = target.dba().getDatabase("admin").runCommand(new Document("serverStatus", 1));
        return ((Number) status.get("security", Document.class).get("authentication", Document.class)
                .get("mechanisms", Document.class).get("MONGODB-X509", Document.class)
                .get(kind, Document.class).get(field)).longValue();
    }

    @Test
    void driverLogsInSpeculativelyDuringTheHandshake() {
        String name = "speculative-" + UUID.randomUUID();
        target.sandboxServer().orElseThrow().security().users()
                .put(StoredUser.x509("CN=" + name, List.of(RoleId.of("read", "db1"))));
        long speculativeBefore = x509Counter("speculativeAuthenticate", "successful");
        long explicitBefore = x509Counter("authenticate", "received");
        try (MongoClient client = target.connectAs(name)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        }
        assertEquals(speculativeBefore + 1, x509Counter("speculativeAuthenticate", "successful"));
        assertEquals(explicitBefore, x509Counter("authenticate", "received"));
    }

    @Test
    void unknownCertificateUserIsRefusedWithCode18() {
        try (MongoClient client = target.connectAs("nobody-" + UUID.randomUUID())) {
            MongoSecurityException e = assertThrows(MongoSecurityException.class,
                    () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
            MongoCommandException cause = assertInstanceOf(MongoCommandException.class, e.getCause());
            assertEquals(18, cause.getErrorCode());
            assertEquals("AuthenticationFailed", cause.getErrorCodeName());
        }
    }

    @Test
    void lockedUserCannotLogIn() {
        String name = "locked-" + UUID.randomUUID();
        target.sandboxServer().orElseThrow().security().users().put(StoredUser.x509("CN=" + name,
                List.of(RoleId.of("read", "db1"))).withRoles(List.of())
                .withRestrictions(List.of(AuthenticationRestriction.teleportLock())));
        try (MongoClient client = target.connectAs(name)) {
            MongoSecurityException e = assertThrows(MongoSecurityException.class,
                    () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
            assertEquals(18, ((MongoCommandException) e.getCause()).getErrorCode());
        }
    }

    @Test
    void unauthenticatedConnectionMayOnlyHandshakeAndPing() {
        try (MongoClient client = target.connectUnauthenticated()) {
            assertEquals(1.0, client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok"));
            MongoCommandException e = assertThrows(MongoCommandException.class,
                    () -> client.getDatabase("db1").getCollection("c").find().first());
            assertEquals(13, e.getErrorCode());
            assertTrue(e.getErrorMessage().contains("Command find requires authentication"), e.getErrorMessage());
        }
    }

    @Test
    void buildInfoReportsTheConfiguredVersion() {
        try (MongoClient client = target.connectUnauthenticated()) {
            Document info = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
            assertEquals(SandboxServer.DEFAULT_VERSION, info.getString("version"));
            assertEquals(List.of(7, 0, 14, 0), info.getList("versionArray", Integer.class));
        }
    }
}
