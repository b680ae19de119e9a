package dev.autouser.core.teleport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseResourceTest {
    private static final String SEED_DB = TestFiles.read("/teleport/seed001-db.yaml");

    @Test
    void seed001DbResourceRoundTrips() throws Exception {
        DatabaseResource db = DatabaseResource.parse(SEED_DB, "seed");

        assertEquals(new DatabaseResource("example", "localhost:27017", "teleport-admin"), db);
        JsonNode original = TeleportYaml.mapper().readTree(SEED_DB);
        assertEquals(original, TeleportYaml.mapper().readTree(db.toDynamicYaml()));
    }

    @Test
    void dynamicYamlIsWhatTctlCreateExpects() {
        assertEquals("""
                kind: db
                version: v3
                metadata:
                  name: example
                spec:
                  protocol: mongodb
                  uri: localhost:27017
                  admin_user:
                    name: teleport-admin
                """, new DatabaseResource("example", "localhost:27017", "teleport-admin").toDynamicYaml());
    }

    @Test
    void staticFormGoesUnderDbServiceDatabases() {
        assertEquals("""
                db_service:
                  enabled: true
                  databases:
                  - name: example
                    protocol: mongodb
                    uri: localhost:27017
                    admin_user:
                      name: teleport-admin
                """, new DatabaseResource("example", "localhost:27017", "teleport-admin").toStaticYaml());
    }

    @Test
    void uriIsHostPortForOneServerAndKeepsReplicaSetsAndSrv() {
        assertEquals("localhost:27017", DatabaseResource.uriFor("mongodb://localhost:27017/?tls=true&tlsCAFile=/x/ca.pem"));
        assertEquals("mongodb://db1:27017,db2:27017/?replicaSet=rs0",
                DatabaseResource.uriFor("mongodb://db1:27017,db2:27017/?replicaSet=rs0&tls=true"));
        assertEquals("mongodb+srv://cluster.example.com/", DatabaseResource.uriFor("mongodb+srv://cluster.example.com/?tls=true"));
    }

    @Test
    void connectionStringWithoutSchemeIsRefused() {
        TeleportConfigException e = assertThrows(TeleportConfigException.class, () -> DatabaseResource.uriFor("localhost:27017"));

        assertTrue(e.getMessage().startsWith("\"localhost:27017\" is not a MongoDB connection string"), e.getMessage());
    }

    @Test
    void adminUserDropsTheCnPrefix() {
        assertEquals("teleport-admin", DatabaseResource.adminUserFromMongoName("CN=teleport-admin"));
    }

    @Test
    void otherProtocolIsRefused() {
        TeleportConfigException e = assertThrows(TeleportConfigException.class,
                () -> DatabaseResource.parse(SEED_DB.replace("\"mongodb\"", "postgres"), "pg.yaml"));

        assertEquals("pg.yaml: spec.protocol is \"postgres\"; automatic MongoDB users need protocol mongodb.", e.getMessage());
    }

    @Test
    void emptyUriIsRefused() {
        assertThrows(TeleportConfigException.class, () -> new DatabaseResource("example", " ", "teleport-admin"));
    }
}
