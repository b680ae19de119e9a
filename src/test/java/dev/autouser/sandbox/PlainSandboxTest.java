package dev.autouser.sandbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without TLS the sandbox still serves password logins; X.509 has no certificate to go on. */
class PlainSandboxTest {
    private static MongoClient connect(SandboxServer server, MongoCredential credential) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .credential(credential).build());
    }

    @Test
    void passwordLoginWorksAndX509IsRefusedWithoutTls() {
        try (SandboxServer server = SandboxServer.builder().port(0).build().start()) {
            assertFalse(server.connectionString().contains("tls"));
            server.security().users().put(StoredUser.withPassword("dba", "admin", "pw", List.of(RoleId.of("root", "admin"))));
            server.security().users().put(StoredUser.x509("CN=dba", List.of(RoleId.of("root", "admin"))));
            try (MongoClient client = connect(server, MongoCredential.createScramSha256Credential("dba", "admin",
                    "pw".toCharArray()))) {
                assertEquals(List.of("admin", "config", "local"), client.listDatabaseNames().into(new java.util.ArrayList<>()));
            }
            try (MongoClient client = connect(server, MongoCredential.createMongoX509Credential("CN=dba"))) {
                MongoSecurityException e = assertThrows(MongoSecurityException.class,
                        () -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
                assertEquals(18, ((MongoCommandException) e.getCause()).getErrorCode());
            }
        }
    }
}
