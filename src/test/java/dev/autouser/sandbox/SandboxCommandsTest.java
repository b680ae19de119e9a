package dev.autouser.sandbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.autouser.core.pki.SslContexts;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-level behaviour the console relies on, through the official driver. */
class SandboxCommandsTest {
    private final MongoTarget target = MongoTarget.sandbox();

    private static List<String> databaseNames(MongoClient client) {
        return client.getDatabase("admin").runCommand(new Document("listDatabases", 1))
                .getList("databases", Document.class).stream().map(d -> d.getString("name")).toList();
    }

    @Test
    void listDatabasesShowsSystemDatabasesToRootAndOnlyOwnDatabasesToOthers() {
        target.dba().getDatabase("db1").getCollection("things").insertOne(new Document("_id", UUID.randomUUID().toString()));
        List<String> all = databaseNames(target.dba());
        assertTrue(all.containsAll(List.of("admin", "config", "local", "db1")), all.toString());
        String name = "reader-" + UUID.randomUUID();
        target.sandboxServer().orElseThrow().security().users()
                .put(StoredUser.x509("CN=" + name, List.of(RoleId.of("read", "db1"))));
        try (MongoClient reader = target.connectAs(name)) {
            assertEquals(List.of("db1"), databaseNames(reader));
        }
    }

    @Test
    void commandNamesAreCaseSensitiveExceptMongoDbsAliases() {
        MongoCommandException e = assertThrows(MongoCommandException.class,
                () -> target.dba().getDatabase("$external").runCommand(new Document("usersinfo", 1)));
        assertEquals(59, e.getErrorCode());
        assertEquals("CommandNotFound", e.getErrorCodeName());
        assertEquals(1.0, ((Number) target.dba().getDatabase("admin")
                .runCommand(new Document("buildinfo", 1)).get("ok")).doubleValue());
        assertEquals(true, target.dba().getDatabase("admin").runCommand(new Document("ismaster", 1)).get("ismaster"));
    }

    @Test
    void clientWithoutCertificateFailsTheTlsHandshake() {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(target.uri()))
                .applyToSslSettings(ssl -> ssl.enabled(true)
                        .context(SslContexts.forClient(List.of(target.pki().caCertificate()), null)))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(1500, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            assertThrows(MongoException.class, () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
        }
    }

    @Test
    void clientMetadataCannotChangeAfterTheFirstHello() {
        MongoCommandException e = assertThrows(MongoCommandException.class, () -> target.dba().getDatabase("admin")
                .runCommand(new Document("hello", 1).append("client",
                        new Document("application", new Document("name", "impostor")))));
        assertEquals(186, e.getErrorCode());
    }

    @Test
    void anotherUsersCursorCannotBeContinued() {
        Document first = target.dba().getDatabase("admin").runCommand(new Document("aggregate", 1)
                .append("pipeline", List.of(new Document("$currentOp",
                        new Document("allUsers", true).append("idleConnections", true))))
                .append("cursor", new Document("batchSize", 1)));
        long cursorId = first.get("cursor", Document.class).getLong("id");
        assertTrue(cursorId != 0);
        MongoCommandException e = assertThrows(MongoCommandException.class, () -> target.teleportAdmin()
                .getDatabase("admin").runCommand(new Document("getMore", cursorId).append("collection", "$cmd.aggregate")));
        assertEquals(13, e.getErrorCode());
        MongoCommandException kill = assertThrows(MongoCommandException.class, () -> target.teleportAdmin()
                .getDatabase("admin").runCommand(new Document("killCursors", "$cmd.aggregate")
                        .append("cursors", List.of(cursorId))));
        assertEquals(13, kill.getErrorCode());
        target.dba().getDatabase("admin").runCommand(new Document("getMore", cursorId)
                .append("collection", "$cmd.aggregate").append("batchSize", 1000));
    }
}
