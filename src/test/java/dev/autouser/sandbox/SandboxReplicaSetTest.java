package dev.autouser.sandbox;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox replica set through the official driver: discovery, hello fields, writes, per-member currentOp. */
class SandboxReplicaSetTest {
    private final MongoTarget target = MongoTarget.replicaSet();
    private final SandboxCluster set = target.sandboxCluster().orElseThrow();

    private static Document hello(MongoClient client) {
        return client.getDatabase("admin").runCommand(new Document("hello", 1));
    }

    @Test
    void theDriverDiscoversTheSetFromAReplicaSetUriAndWritesGoToThePrimary() {
        String name = "CN=rs-" + UUID.randomUUID();
        target.dba().getDatabase("$external").runCommand(new Document("createUser", name)
                .append("roles", List.of()));
        Document hello = hello(target.dba());
        assertEquals("rs0", hello.getString("setName"));
        assertEquals(set.hosts(), hello.getList("hosts", String.class));
        assertEquals(set.hosts().get(set.primaryIndex()), hello.getString("primary"));
        assertTrue(hello.getBoolean("isWritablePrimary"));
        assertNotNull(hello.get("topologyVersion"));
        assertTrue(hello.get("electionId") instanceof ObjectId);
        assertTrue(hello.containsKey("$clusterTime"), hello.toJson());
        assertTrue(hello.containsKey("operationTime"), hello.toJson());
        for (String host : set.hosts()) {
            try (MongoClient direct = target.connectDirectlyAs(MongoTarget.DBA, host, null)) {
                Document users = direct.getDatabase("$external").runCommand(new Document("usersInfo", name));
                assertEquals(1, users.getList("users", Document.class).size(), "usersInfo on " + host);
            }
        }
    }

    @Test
    void aSecondaryAnswersAsOneAndRefusesWritesWithNotWritablePrimary() {
        String secondary = set.hosts().get((set.primaryIndex() + 1) % set.hosts().size());
        try (MongoClient direct = target.connectDirectlyAs(MongoTarget.DBA, secondary, null)) {
            Document hello = hello(direct);
            assertFalse(hello.getBoolean("isWritablePrimary"));
            assertTrue(hello.getBoolean("secondary"));
            assertEquals(secondary, hello.getString("me"));
            assertFalse(hello.containsKey("electionId"));
            MongoCommandException refused = assertThrows(MongoCommandException.class, () -> direct
                    .getDatabase("$external").runCommand(new Document("createUser", "CN=nope-" + UUID.randomUUID())
                            .append("roles", List.of())));
            assertEquals(10107, refused.getErrorCode());
            assertEquals("NotWritablePrimary", refused.getErrorCodeName());
        }
    }

    /**
     * mongod's "not primary" errors carry the member's topologyVersion, so the driver sees the error
     * is not news (the member was a secondary in its last hello) and keeps using it. Without it the
     * driver marks the member unknown until its monitor's next hello, which the member holds for the
     * heartbeat (60 s here): the next command would fail its 10 s server selection.
     */
    @Test
    void afterNotWritablePrimaryTheSameDirectClientsNextCommandIsAnswered() {
        String secondary = set.hosts().get((set.primaryIndex() + 1) % set.hosts().size());
        try (MongoClient direct = target.connectDirectlyAs(MongoTarget.DBA, secondary, null,
                settings -> settings.applyToServerSettings(s -> s.heartbeatFrequency(60, java.util.concurrent.TimeUnit.SECONDS)))) {
            Document version = hello(direct).get("topologyVersion", Document.class);
            MongoCommandException refused = assertThrows(MongoCommandException.class, () -> direct
                    .getDatabase("$external").runCommand(new Document("createUser", "CN=nope-" + UUID.randomUUID())
                            .append("roles", List.of())));
            assertEquals(10107, refused.getErrorCode());
            org.bson.BsonDocument inError = refused.getResponse().getDocument("topologyVersion");
            assertEquals(version.getObjectId("processId"), inError.getObjectId("processId").getValue());
            assertEquals(version.getLong("counter"), inError.getInt64("counter").getValue());

            Document users = direct.getDatabase("$external").runCommand(new Document("usersInfo", 1));
            assertEquals(1.0, users.get("ok"), "the same client's next command is answered");
        }
    }

    /** The command table's WRITE column is the replica-set rule: every spelling of a write gets 10107 there. */
    @Test
    void everyWriteOfTheCommandTableIsRefusedOnASecondaryAndReadsAreNot() {
        String secondary = set.hosts().get((set.primaryIndex() + 1) % set.hosts().size());
        List<String> writes = new java.util.ArrayList<>();
        // One client for every write: each refusal carries the member's topologyVersion, so the driver keeps using it.
        try (MongoClient direct = target.connectDirectlyAs(MongoTarget.DBA, secondary, null)) {
            for (dev.autouser.sandbox.security.CommandSpec spec : dev.autouser.sandbox.security.CommandTable.all()) {
                if (!spec.writes()) {
                    continue;
                }
                List<String> spellings = new java.util.ArrayList<>(List.of(spec.name()));
                spellings.addAll(spec.aliases());
                for (String spelling : spellings) {
                    writes.add(spelling);
                    MongoCommandException refused = assertThrows(MongoCommandException.class, () -> direct
                            .getDatabase("rs-writes").runCommand(wellFormed(spelling)), spelling);
                    assertEquals(10107, refused.getErrorCode(), spelling + ": " + refused.getMessage());
                }
            }
            assertTrue(writes.containsAll(List.of("insert", "findAndModify", "findandmodify", "deleteIndexes",
                    "createUser", "updateUser", "dropUser", "revokeRolesFromRole", "dropDatabase")), writes.toString());
            Document users = direct.getDatabase("$external").runCommand(new Document("usersInfo", 1));
            assertEquals(1.0, users.get("ok"), "usersInfo is a read: any member answers it");
        }
    }

    /** A write that parses (mongod parses before it checks who may write), naming nothing that exists. */
    private static Document wellFormed(String command) {
        String name = "w-" + UUID.randomUUID();
        Document body = new Document(command, name);
        switch (command.toLowerCase(java.util.Locale.ROOT)) {
            case "insert" -> body.append("documents", List.of(new Document("a", 1)));
            case "update" -> body.append("updates", List.of(new Document("q", new Document())
                    .append("u", new Document("$set", new Document("a", 1)))));
            case "delete" -> body.append("deletes", List.of(new Document("q", new Document()).append("limit", 0)));
            case "findandmodify" -> body.append("query", new Document()).append("remove", true);
            case "createindexes" -> body.append("indexes", List.of(new Document("key", new Document("a", 1))
                    .append("name", "a_1")));
            case "dropindexes", "deleteindexes" -> body.append("index", "*");
            case "dropdatabase", "dropallusersfromdatabase", "dropallrolesfromdatabase" -> body.put(command, 1);
            case "createuser", "createrole", "grantrolestouser", "revokerolesfromuser", "grantrolestorole",
                 "revokerolesfromrole" -> body.append("roles", List.of());
            case "grantprivilegestorole", "revokeprivilegesfromrole" -> body.append("privileges", List.of());
            default -> { }
        }
        if (command.equals("createRole")) {
            body.append("privileges", List.of());
        }
        return body;
    }

    @Test
    void replSetGetStatusListsEveryMemberForRootAndIsRefusedToOthers() {
        Document status = target.dba().getDatabase("admin").runCommand(new Document("replSetGetStatus", 1));
        List<Document> members = status.getList("members", Document.class);
        assertEquals(set.hosts(), members.stream().map(m -> m.getString("name")).toList());
        assertEquals(1, members.stream().filter(m -> "PRIMARY".equals(m.getString("stateStr"))).count());
        MongoCommandException refused = assertThrows(MongoCommandException.class, () -> target.teleportAdmin()
                .getDatabase("admin").runCommand(new Document("replSetGetStatus", 1)));
        assertEquals(13, refused.getErrorCode());
    }

    @Test
    void eachMemberReportsOnlyItsOwnConnectionsInCurrentOp() {
        String name = "rs-only-secondary-" + UUID.randomUUID();
        target.sandboxServer().orElseThrow().security().users()
                .put(StoredUser.x509("CN=" + name, List.of(RoleId.of("read", "db1"))));
        String secondary = set.hosts().get((set.primaryIndex() + 1) % set.hosts().size());
        String primary = set.hosts().get(set.primaryIndex());
        try (MongoClient session = target.connectDirectlyAs(name, secondary, "mongosh 2.3.1")) {
            session.getDatabase("admin").runCommand(new Document("ping", 1));
            assertEquals(1, sessionsOf(name, secondary), "seen on the secondary it is connected to");
            assertEquals(0, sessionsOf(name, primary), "invisible on the primary, as on MongoDB");
        }
    }

    private long sessionsOf(String name, String host) {
        try (MongoClient direct = target.connectDirectlyAs(MongoTarget.DBA, host, null)) {
            return direct.getDatabase("admin").aggregate(List.of(
                    new Document("$currentOp", new Document("allUsers", true).append("idleConnections", true)),
                    new Document("$match", new Document("effectiveUsers.user", "CN=" + name)))).into(new java.util.ArrayList<>()).size();
        }
    }

    @Test
    void aStoppedPrimaryIsReplacedAndRejoinsAsASecondaryOnItsPort() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rs-failover");
        dev.autouser.core.pki.DevPki pki = dev.autouser.core.pki.DevPki.openOrCreate(dir);
        try (SandboxCluster own = SandboxCluster.replicaSet(3).tls(pki).start()) {
            own.security().users().put(StoredUser.x509("CN=dba", List.of(RoleId.of("root", "admin"))));
            int oldPrimary = own.primaryIndex();
            String oldHost = own.hosts().get(oldPrimary);
            own.stop(oldPrimary);
            int newPrimary = own.primaryIndex();
            assertTrue(newPrimary != oldPrimary && newPrimary >= 0);
            own.start(oldPrimary);
            assertEquals(newPrimary, own.primaryIndex(), "a member coming back does not take over");
            try (MongoClient client = com.mongodb.client.MongoClients.create(com.mongodb.MongoClientSettings.builder()
                    .applyConnectionString(new com.mongodb.ConnectionString("mongodb://" + oldHost + "/?directConnection=true&tls=true"))
                    .applyToSslSettings(ssl -> ssl.enabled(true).context(dev.autouser.core.pki.SslContexts.forClient(
                            List.of(pki.caCertificate()), dev.autouser.core.pki.ClientIdentity.load(
                                    pki.clientFile("dba", "dba.pem"), null, null))))
                    .credential(com.mongodb.MongoCredential.createMongoX509Credential()).build())) {
                Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
                assertTrue(hello.getBoolean("secondary"), hello.toJson());
                assertEquals(own.hosts().get(newPrimary), hello.getString("primary"));
            }
        }
    }
}
