package dev.autouser.core.it;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.Deployment;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a deployment of several nodes (a replica set, or several mongos), a user connected to ONE node
 * only, not the one the console writes to, is active: listed as such with the node named, and never
 * locked or dropped. Runs against the sandbox and, with {@code MONGODB_TEST_URI} naming a replica set
 * or several mongos, against real MongoDB.
 */
abstract class TopologyContract extends SeededContract {
    @TempDir
    Path dir;

    private MongoGateway dba;
    private UserCleanup cleanup;

    @BeforeEach
    void setUp() {
        dba = seeds.gatewayAs(MongoTarget.DBA);
        cleanup = new UserCleanup(dba, new AuditLog(dir.resolve("audit.jsonl")));
    }

    @AfterEach
    void tearDown() {
        dba.close();
    }

    /** A node the console does not write through: a secondary, or the second mongos. */
    protected Deployment.Node elsewhere() {
        Deployment deployment = dba.deployment();
        List<Deployment.Node> nodes = deployment.sessionNodes();
        assertTrue(nodes.size() > 1, "needs several nodes: " + deployment);
        return deployment.kind() == Deployment.Kind.SHARDED ? nodes.get(1)
                : nodes.stream().filter(n -> n.role() == Deployment.NodeRole.SECONDARY).findFirst().orElseThrow();
    }

    @Test
    void aUserConnectedOnlyElsewhereIsListedActiveWithTheNodeNamed() {
        String name = seeds.autoUser("elsewhere", false, "read@db1");
        Deployment.Node node = elsewhere();
        seeds.connectDirectly(name, node.host(), "mongosh 2.3.1");
        AutoUserListing listing = new AutoUserLister(dba).list();
        AutoUser user = listing.find("CN=" + name).orElseThrow();
        assertEquals(UserState.ACTIVE, user.state());
        assertEquals(node.describe(), user.sessions().get(0).node());
        assertTrue(listing.silentNodes().isEmpty(), listing.nodes().toString());
        assertEquals(dba.deployment().sessionNodes().size(), listing.nodes().size());
    }

    @Test
    void aUserConnectedOnlyElsewhereIsNeverLockedOrDropped() {
        String name = seeds.autoUser("elsewhere-drop", false, "read@db1");
        seeds.connectDirectly(name, elsewhere().host(), "Compass");
        for (CleanupAction action : CleanupAction.values()) {
            CleanupPlan plan = cleanup.planFor(action, List.of(name));
            assertTrue(plan.actions().isEmpty(), plan.describe());
            assertTrue(plan.refused().get(0).reason().contains("1 live connection"), plan.describe());
            cleanup.execute(plan, (result, done, total) -> { });
        }
        Document user = seeds.userInfo(name);
        assertEquals(1, user.getList("roles", Document.class).size(), "roles untouched");
        assertTrue(user.getList("authenticationRestrictions", Object.class, List.of()).isEmpty(), "not locked");
    }

    @Test
    void anIdleUserIsStillDroppedAfterEveryNodeWasAsked() {
        String name = seeds.autoUser("idle-everywhere", false, "read@db1");
        var report = cleanup.drop(List.of(name), (result, done, total) -> { });
        assertEquals(1, report.results().size());
        assertTrue(report.results().get(0).detail().contains("dropped"), report.results().toString());
        assertFalse(seeds.exists(name));
    }
}
