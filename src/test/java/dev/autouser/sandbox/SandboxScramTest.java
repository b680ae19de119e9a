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
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SCRAM-SHA-256 password login through the official driver (which also speculates in the handshake). */
class SandboxScramTest {
    private final MongoTarget target = MongoTarget.sandbox();

    private String seedPasswordUser(String password) {
        String name = "dba-" + UUID.randomUUID();
        target.sandboxServer().orElseThrow().security().users()
                .put(StoredUser.withPassword(name, "admin", password, List.of(RoleId.of("root", "admin"))));
        return name;
    }

    private static List<Document> ownUsers(MongoClient client) {
        Document reply = client.getDatabase("admin").runCommand(new Document("currentOp", 1).append("$ownOps", true));
        return reply.getList("inprog", Document.class).stream().filter(op -> op.getBoolean("active"))
                .findFirst().orElseThrow().getList("effectiveUsers", Document.class);
    }

    private long scramCounter(String kind, String field) {
        Document status = target.dba().getDatabase("admin").runCommand(new Document("serverStatus", 1));
        return ((Number) status.get("security", Document.class).get("authentication", Document.class)
                .get("mechanisms", Document.class).get("SCRAM-SHA-256", Document.class)
                .get(kind, Document.class).get(field)).longValue();
    }

    @Test
    void passwordUserLogsInWithScramSha256StartedInTheHandshake() {
        String name = seedPasswordUser("s3cret pässword");
        long speculativeBefore = scramCounter("speculativeAuthenticate", "successful");
        try (MongoClient client = target.connectWithPassword(name, "admin", "s3cret pässword")) {
            assertEquals(List.of(new Document("user", name).append("db", "admin")), ownUsers(client));
        }
        assertEquals(speculativeBefore + 1, scramCounter("speculativeAuthenticate", "successful"));
    }

    @Test
    void wrongPasswordIsRefusedWithCode18() {
        String name = seedPasswordUser("right");
        try (MongoClient client = target.connectWithPassword(name, "admin", "wrong")) {
            MongoSecurityException e = assertThrows(MongoSecurityException.class,
                    () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
            assertEquals(18, ((MongoCommandException) e.getCause()).getErrorCode());
        }
    }

    /**
     * Like mongod's AuthenticationSession::markFailed (src/mongo/db/auth/authentication_session.cpp):
     * id 5286307 "Failed to authenticate", component ACCESS, with the SCRAM user, its database, the
     * mechanism and the reason the client is not told (sasl_scram_server_conversation's storedKey mismatch).
     */
    @Test
    void aWrongPasswordIsLoggedAs5286307WithTheUserAndTheReason() {
        String name = seedPasswordUser("right");
        try (MongoClient client = target.connectWithPassword(name, "admin", "wrong")) {
            assertThrows(MongoSecurityException.class, () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
        }
        List<Document> failures = target.dba().getDatabase("admin").runCommand(new Document("getLog", "global"))
                .getList("log", String.class).stream().map(Document::parse)
                .filter(line -> line.getInteger("id") == 5286307)
                .filter(line -> name.equals(line.get("attr", Document.class).getString("user")))
                .toList();
        assertEquals(1, failures.size(), "one 5286307 line for the one failed login");
        Document line = failures.get(0);
        assertEquals("ACCESS", line.getString("c"));
        assertEquals("Failed to authenticate", line.getString("msg"));
        Document attr = line.get("attr", Document.class);
        assertEquals("admin", attr.getString("db"));
        assertEquals("SCRAM-SHA-256", attr.getString("mechanism"));
        assertEquals("AuthenticationFailed: SCRAM authentication failed, storedKey mismatch", attr.getString("error"));
        assertEquals(18, attr.getInteger("result"));
    }

    @Test
    void unknownPasswordUserIsRefusedWithCode18() {
        try (MongoClient client = target.connectWithPassword("ghost-" + UUID.randomUUID(), "admin", "x")) {
            MongoSecurityException e = assertThrows(MongoSecurityException.class,
                    () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
            assertEquals(18, ((MongoCommandException) e.getCause()).getErrorCode());
        }
    }

    @Test
    void negotiatedMechanismLogsInAndUnknownUserStillGets18() {
        String name = seedPasswordUser("pw");
        try (MongoClient client = target.connectWithPasswordDefaultMechanism(name, "admin", "pw")) {
            assertEquals(List.of(new Document("user", name).append("db", "admin")), ownUsers(client));
        }
        try (MongoClient client = target.connectWithPasswordDefaultMechanism("ghost-" + UUID.randomUUID(), "admin", "pw")) {
            MongoSecurityException e = assertThrows(MongoSecurityException.class,
                    () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
            assertEquals(18, ((MongoCommandException) e.getCause()).getErrorCode());
        }
    }

    @Test
    void restrictedPasswordUserIsRefusedFromOutsideItsClientSource() {
        String name = seedPasswordUser("pw");
        target.sandboxServer().orElseThrow().security().users().update(new dev.autouser.sandbox.security.UserId(name, "admin"),
                user -> user.withRestrictions(List.of(AuthenticationRestriction.clientSource("10.0.0.0/8"))));
        try (MongoClient client = target.connectWithPassword(name, "admin", "pw")) {
            MongoSecurityException e = assertThrows(MongoSecurityException.class,
                    () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
            assertEquals(18, ((MongoCommandException) e.getCause()).getErrorCode());
        }
    }

    @Test
    void handshakeAdvertisesScramForAPasswordUser() {
        String name = seedPasswordUser("pw");
        try (MongoClient client = target.connectUnauthenticated()) {
            Document hello = client.getDatabase("admin")
                    .runCommand(new Document("hello", 1).append("saslSupportedMechs", "admin." + name));
            assertEquals(List.of("SCRAM-SHA-256"), hello.getList("saslSupportedMechs", String.class));
            Document unknown = client.getDatabase("admin")
                    .runCommand(new Document("hello", 1).append("saslSupportedMechs", "admin.nobody"));
            assertEquals(null, unknown.get("saslSupportedMechs"));
        }
    }
}
