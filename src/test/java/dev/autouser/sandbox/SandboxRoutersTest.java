package dev.autouser.sandbox;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two sandbox mongos routers through the official driver: a multi-host URI, isdbgrid, localOps. */
class SandboxRoutersTest {
    private final MongoTarget target = MongoTarget.routers();
    private final SandboxCluster routers = target.sandboxCluster().orElseThrow();

    @Test
    void theDriverTalksToTheRoutersAsASharedClusterAndUsersLiveInOneStore() {
        Document hello = target.dba().getDatabase("admin").runCommand(new Document("hello", 1));
        assertEquals("isdbgrid", hello.getString("msg"));
        assertTrue(hello.getBoolean("isWritablePrimary"));
        assertTrue(hello.containsKey("$clusterTime"), hello.toJson());
        String name = "CN=router-" + UUID.randomUUID();
        target.dba().getDatabase("$external").runCommand(new Document("createUser", name).append("roles", List.of()));
        for (String host : routers.hosts()) {
            try (MongoClient direct = target.connectDirectlyAs(MongoTarget.DBA, host, null)) {
                assertEquals(1, direct.getDatabase("$external").runCommand(new Document("usersInfo", name))
                        .getList("users", Document.class).size(), "usersInfo through " + host);
            }
        }
    }

    @Test
    void aRouterListsItsOwnClientsOnlyWithLocalOps() {
        String name = "second-router-" + UUID.randomUUID();
        target.sandboxServer().orElseThrow().security().users()
                .put(StoredUser.x509("CN=" + name, List.of(RoleId.of("read", "db1"))));
        String first = routers.hosts().get(0);
        String second = routers.hosts().get(1);
        try (MongoClient session = target.connectDirectlyAs(name, second, "Compass")) {
            session.getDatabase("admin").runCommand(new Document("ping", 1));
            assertEquals(1, sessionsOf(name, second, true), "the second router's own client");
            assertEquals(0, sessionsOf(name, first, true), "another router does not see it");
            assertEquals(0, sessionsOf(name, second, false), "without localOps a mongos reports the shards' operations");
        }
    }

    private long sessionsOf(String name, String host, boolean localOps) {
        Document stage = new Document("allUsers", true).append("idleConnections", true);
        if (localOps) {
            stage.append("localOps", true);
        }
        try (MongoClient direct = target.connectDirectlyAs(MongoTarget.DBA, host, null)) {
            return direct.getDatabase("admin").aggregate(List.of(new Document("$currentOp", stage),
                    new Document("$match", new Document("effectiveUsers.user", "CN=" + name))))
                    .into(new ArrayList<>()).size();
        }
    }
}
