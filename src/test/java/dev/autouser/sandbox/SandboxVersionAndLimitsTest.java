package dev.autouser.sandbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.bson.Document;
import dev.autouser.core.pki.ClientIdentity;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.pki.SslContexts;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reported-version behaviour and the 16 MB reply limit, each on a server of its own. */
class SandboxVersionAndLimitsTest {
    @TempDir
    Path pkiDir;

    private SandboxServer start(String version) {
        DevPki pki = DevPki.openOrCreate(pkiDir);
        SandboxServer server = SandboxServer.builder().port(0).tls(pki).serverVersion(version).build().start();
        server.security().users().put(StoredUser.x509("CN=dba", List.of(RoleId.of("root", "admin"))));
        server.security().users().put(DemoData.storedAutoUser("tagged", List.of(RoleId.of("read", "db1")), false));
        return server;
    }

    private static MongoClient dba(SandboxServer server) {
        DevPki pki = server.pki().orElseThrow();
        ClientIdentity identity = ClientIdentity.load(pki.clientFile("dba", "dba.pem"), null, null);
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToSslSettings(ssl -> ssl.enabled(true)
                        .context(SslContexts.forClient(List.of(pki.caCertificate()), identity)))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .credential(MongoCredential.createMongoX509Credential()).build());
    }

    private static org.bson.Document usersInfo(MongoClient client, org.bson.Document command) {
        return client.getDatabase("$external").runCommand(command);
    }

    @Test
    void from52ShowCustomDataFalseHidesCustomData() {
        try (SandboxServer server = start("7.0.14"); MongoClient client = dba(server)) {
            org.bson.Document user = usersInfo(client, new org.bson.Document("usersInfo", "CN=tagged")
                    .append("showCustomData", false)).getList("users", org.bson.Document.class).get(0);
            assertFalse(user.containsKey("customData"));
            assertEquals(21, client.getDatabase("admin").runCommand(new org.bson.Document("hello", 1))
                    .getInteger("maxWireVersion"));
        }
    }

    @Test
    void before52CustomDataIsAlwaysShownAndShowCustomDataIsUnknown() {
        try (SandboxServer server = start("5.0.26"); MongoClient client = dba(server)) {
            org.bson.Document info = client.getDatabase("admin").runCommand(new org.bson.Document("buildInfo", 1));
            assertEquals("5.0.26", info.getString("version"));
            org.bson.Document user = usersInfo(client, new org.bson.Document("usersInfo", "CN=tagged"))
                    .getList("users", org.bson.Document.class).get(0);
            assertEquals(true, user.get("customData", org.bson.Document.class).getBoolean("teleport-auto-user"));
            assertThrows(MongoCommandException.class, () -> usersInfo(client,
                    new org.bson.Document("usersInfo", "CN=tagged").append("showCustomData", false)));
            assertEquals(13, client.getDatabase("admin").runCommand(new org.bson.Document("hello", 1))
                    .getInteger("maxWireVersion"));
        }
    }

    @Test
    void replyOver16MegabytesIsRefusedLikeMongoDbButPagesWork() {
        try (SandboxServer server = start("7.0.14"); MongoClient client = dba(server)) {
            String note = "x".repeat(6_000);
            for (int i = 0; i < 3_000; i++) {
                server.security().users().put(new StoredUser(new dev.autouser.sandbox.security.UserId(
                        String.format("CN=user%06d", i), "$external"), List.of(RoleId.of("read", "db1")),
                        Optional.of(new Document("teleport-auto-user", true).append("note", note)), List.of(),
                        Optional.empty()));
            }
            org.bson.Document all = new org.bson.Document("usersInfo", 1)
                    .append("filter", new org.bson.Document("customData.teleport-auto-user", true));
            MongoCommandException e = assertThrows(MongoCommandException.class, () -> usersInfo(client, all));
            assertEquals(10334, e.getErrorCode());
            assertEquals("BSONObjectTooLarge", e.getErrorCodeName());
            org.bson.Document page = new org.bson.Document("usersInfo", 1).append("filter",
                    new org.bson.Document("customData.teleport-auto-user", true)
                            .append("user", new org.bson.Document("$gte", "CN=user").append("$lt", "CN=user001500")));
            assertEquals(1_500, usersInfo(client, page).getList("users", org.bson.Document.class).size());
        }
    }

    @Test
    void wireVersionNeverDropsBelowTheDriversMinimum() {
        assertEquals(8, ReportedVersion.parse("4.0.3").getWireVersion());
        assertEquals(9, ReportedVersion.parse("4.4.29").getWireVersion());
        assertEquals(17, ReportedVersion.parse("6.0.1").getWireVersion());
        assertTrue(ReportedVersion.parse("8.0.4").getWireVersion() >= 21);
        assertThrows(IllegalArgumentException.class, () -> ReportedVersion.parse("seven"));
    }
}
