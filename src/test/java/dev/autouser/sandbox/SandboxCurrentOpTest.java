package dev.autouser.sandbox;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** currentOp and $currentOp as Teleport and the console use them, through the official driver. */
class SandboxCurrentOpTest {
    private final MongoTarget target = MongoTarget.sandbox();

    private String seedAutoUser() {
        String name = "alice-" + UUID.randomUUID();
        target.sandboxServer().orElseThrow().security().users()
                .put(StoredUser.x509("CN=" + name, List.of(RoleId.of("read", "db1"))));
        return name;
    }

    /** Logs in and leaves the pooled connection idle. */
    private MongoClient idleSession(String name, String appName) {
        MongoClient client = target.connectAs(name, appName);
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        return client;
    }

    private static Document teleportActivityCheck(String name) {
        return new Document("currentOp", 1).append("$ownOps", false).append("$all", true)
                .append("effectiveUsers", new Document("$elemMatch",
                        new Document("user", "CN=" + name).append("db", "$external")));
    }

    private List<Document> inprog(MongoClient client, Document command) {
        return client.getDatabase("admin").runCommand(command).getList("inprog", Document.class);
    }

    @Test
    void teleportActivityCheckFindsAnIdleSessionWithMongoDbFields() {
        String name = seedAutoUser();
        try (MongoClient session = idleSession(name, "mongosh 2.3.1")) {
            List<Document> ops = inprog(target.teleportAdmin(), teleportActivityCheck(name));
            assertEquals(1, ops.size(), ops.toString());
            Document op = ops.get(0);
            assertEquals("op", op.getString("type"));
            assertEquals(false, op.getBoolean("active"));
            assertEquals("conn" + op.getInteger("connectionId"), op.getString("desc"));
            assertTrue(op.getString("client").startsWith("127.0.0.1:"), op.getString("client"));
            assertEquals("mongosh 2.3.1", op.getString("appName"));
            assertEquals("mongosh 2.3.1", op.get("clientMetadata", Document.class)
                    .get("application", Document.class).getString("name"));
            assertTrue(op.getString("host").endsWith(":" + target.sandboxServer().orElseThrow().port()));
        }
    }

    @Test
    void idleConnectionsAreListedOnlyWhenAsked() {
        String name = seedAutoUser();
        try (MongoClient session = idleSession(name, null)) {
            Document withoutAll = new Document("currentOp", 1).append("effectiveUsers.user", "CN=" + name);
            assertEquals(List.of(), inprog(target.dba(), withoutAll));
            assertEquals(1, inprog(target.dba(), teleportActivityCheck(name)).size());
        }
    }

    @Test
    void closedSessionDisappears() throws InterruptedException {
        String name = seedAutoUser();
        idleSession(name, null).close();
        List<Document> ops = inprog(target.teleportAdmin(), teleportActivityCheck(name));
        for (int i = 0; i < 50 && !ops.isEmpty(); i++) {
            Thread.sleep(20);
            ops = inprog(target.teleportAdmin(), teleportActivityCheck(name));
        }
        assertEquals(List.of(), ops);
    }

    @Test
    void othersOperationsNeedInprog() {
        String name = seedAutoUser();
        try (MongoClient client = target.connectAs(name)) {
            MongoCommandException e = assertThrows(MongoCommandException.class,
                    () -> inprog(client, new Document("currentOp", 1).append("$all", true)));
            assertEquals(13, e.getErrorCode());
            List<Document> own = inprog(client, new Document("currentOp", 1).append("$ownOps", true).append("$all", true));
            assertFalse(own.isEmpty());
            for (Document op : own) {
                assertEquals("CN=" + name, op.getList("effectiveUsers", Document.class).get(0).getString("user"));
            }
        }
    }

    @Test
    void currentOpRunsOnlyOnAdmin() {
        MongoCommandException e = assertThrows(MongoCommandException.class,
                () -> target.dba().getDatabase("db1").runCommand(new Document("currentOp", 1)));
        assertEquals(13, e.getErrorCode());
    }

    @Test
    void currentOpStageListsIdleConnectionsOfAllUsersAndMatches() {
        String name = seedAutoUser();
        try (MongoClient session = idleSession(name, "MongoDB Compass")) {
            List<Document> pipeline = List.of(
                    new Document("$currentOp", new Document("allUsers", true).append("idleConnections", true)),
                    new Document("$match", new Document("effectiveUsers.user", "CN=" + name)));
            List<Document> ops = target.teleportAdmin().getDatabase("admin").aggregate(pipeline)
                    .into(new ArrayList<>());
            assertEquals(1, ops.size());
            assertEquals("MongoDB Compass", ops.get(0).getString("appName"));

            List<Document> activeOnly = target.teleportAdmin().getDatabase("admin").aggregate(List.of(
                    new Document("$currentOp", new Document("allUsers", true)),
                    new Document("$match", new Document("effectiveUsers.user", "CN=" + name))))
                    .into(new ArrayList<>());
            assertEquals(List.of(), activeOnly);
        }
    }

    @Test
    void currentOpStageBatchesThroughGetMore() {
        List<MongoClient> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                sessions.add(idleSession(seedAutoUser(), null));
            }
            List<Document> ops = target.teleportAdmin().getDatabase("admin").aggregate(List.of(
                    new Document("$currentOp", new Document("allUsers", true).append("idleConnections", true))))
                    .batchSize(2).into(new ArrayList<>());
            assertTrue(ops.size() >= 5, "got " + ops.size());
        } finally {
            sessions.forEach(MongoClient::close);
        }
    }

    @Test
    void currentOpStageOutsideAdminIsRefusedWithCode73() {
        MongoCommandException e = assertThrows(MongoCommandException.class,
                () -> target.dba().getDatabase("db1").aggregate(List.of(new Document("$currentOp", new Document())))
                        .first());
        assertEquals(73, e.getErrorCode());
    }

    @Test
    void currentOpStageForAllUsersNeedsInprog() {
        String name = seedAutoUser();
        try (MongoClient client = target.connectAs(name)) {
            MongoCommandException e = assertThrows(MongoCommandException.class,
                    () -> client.getDatabase("admin").aggregate(List.of(
                            new Document("$currentOp", new Document("allUsers", true)))).first());
            assertEquals(13, e.getErrorCode());
        }
    }
}
