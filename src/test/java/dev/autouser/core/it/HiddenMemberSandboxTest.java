package dev.autouser.core.it;

import com.mongodb.client.MongoClient;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.Deployment;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
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
 * A hidden member (mongod's {@code members[n].hidden: true}) is in no {@code hello}, so the driver
 * never learns it; the console reads the set's config to find it and asks it for sessions like any
 * other data-bearing member. Members 0..2 visible, member 3 hidden. (The topology contract against the
 * hidden member, a user connected only there is active and never locked or dropped, is
 * {@link TopologyHiddenMemberSandboxTest}.)
 */
class HiddenMemberSandboxTest {
    private static final MongoTarget TARGET = MongoTarget.replicaSetWithHiddenMember();
    private static final SandboxCluster SET = TARGET.sandboxCluster().orElseThrow();
    private static final String HIDDEN = SET.hosts().get(3);

    @TempDir
    Path dir;

    private Seeds seeds;
    private MongoGateway dba;

    @BeforeEach
    void setUp() {
        seeds = new Seeds(TARGET);
        dba = seeds.gatewayAs(MongoTarget.DBA);
    }

    @AfterEach
    void tearDown() {
        dba.close();
        seeds.dropAll();
    }

    @Test
    void aHiddenMemberSaysSoInItsOwnHelloAndNoMemberListsIt() {
        try (MongoClient direct = TARGET.connectDirectlyAs(MongoTarget.DBA, HIDDEN, null)) {
            Document hello = direct.getDatabase("admin").runCommand(new Document("hello", 1));
            assertEquals(true, hello.get("hidden"), hello.toJson());
            assertEquals(true, hello.get("passive"), hello.toJson());
            assertEquals(true, hello.get("secondary"), hello.toJson());
            assertFalse(hello.getList("hosts", String.class).contains(HIDDEN), hello.toJson());
            Document config = direct.getDatabase("admin").runCommand(new Document("replSetGetConfig", 1))
                    .get("config", Document.class);
            Document member = config.getList("members", Document.class).get(3);
            assertEquals(HIDDEN, member.getString("host"));
            assertEquals(true, member.get("hidden"));
            assertEquals(0.0, ((Number) member.get("priority")).doubleValue());
        }
        Document primaryHello = TARGET.dba().getDatabase("admin").runCommand(new Document("hello", 1));
        assertEquals(SET.hosts().subList(0, 3), primaryHello.getList("hosts", String.class));
        assertFalse(primaryHello.containsKey("passives"), primaryHello.toJson());
    }

    @Test
    void theConsoleFindsTheHiddenMemberInTheSetsConfigOnceAndNamesItHidden() {
        long before = dba.roundTripsOnThisThread();
        Deployment deployment = dba.deployment();
        long first = dba.roundTripsOnThisThread() - before;
        Deployment.Node hidden = deployment.nodes().stream().filter(n -> n.host().equals(HIDDEN)).findFirst().orElseThrow();
        assertEquals(Deployment.NodeRole.HIDDEN, hidden.role());
        assertEquals(HIDDEN + " (hidden)", hidden.describe());
        assertTrue(deployment.sessionNodes().contains(hidden));
        assertTrue(deployment.summary().contains("4 members (1 hidden)"), deployment.summary());
        assertEquals(1, first, "one replSetGetConfig");
        long again = dba.roundTripsOnThisThread();
        dba.deployment();
        assertEquals(again, dba.roundTripsOnThisThread(), "the config is known until its version changes");
    }

    @Test
    void anIdentityThatMayNotReadTheConfigIsToldInThePlanThatHiddenMembersWereNotAsked() {
        String admin = seeds.leastPrivilegeAdmin(List.of("db1"));
        String idle = seeds.autoUser("idle-unseen", false, "read@db1");
        try (MongoGateway limited = seeds.gatewayAs(admin)) {
            Deployment deployment = limited.deployment();
            assertTrue(deployment.nodes().stream().noneMatch(n -> n.host().equals(HIDDEN)), deployment.toString());
            String warning = deployment.unlistedWarning().orElseThrow();
            assertTrue(warning.contains("replSetGetConfig"), warning);
            CleanupPlan plan = new UserCleanup(limited, new AuditLog(dir.resolve("audit.jsonl")))
                    .planFor(CleanupAction.LOCK, List.of(idle));
            assertEquals(List.of(warning), plan.warnings());
            assertTrue(plan.describe().contains("warning: hidden or delayed members of rs0 cannot be seen"), plan.describe());
            assertEquals(warning, new AutoUserLister(limited).list().unlistedWarning().orElseThrow());
        }
    }
}
