package dev.autouser.core.it;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.mongo.Deployment;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.junit.jupiter.api.AfterAll;
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
 * A replica set losing a member or its primary while the console works: actions are refused
 * naming the silent member, an explicit override is audited, and a step-down mid-cleanup is
 * reported honestly and a rerun converges. Sandbox only (it stops members).
 */
class ReplicaSetFailureSandboxTest {
    private static final MongoTarget TARGET = MongoTarget.newReplicaSet(3);
    private static final SandboxCluster SET = TARGET.sandboxCluster().orElseThrow();

    @TempDir
    Path dir;

    private Seeds seeds;
    private MongoGateway dba;
    private AuditLog audit;
    private UserCleanup cleanup;

    @BeforeEach
    void setUp() {
        seeds = new Seeds(TARGET);
        dba = seeds.gatewayAs(MongoTarget.DBA);
        audit = new AuditLog(dir.resolve("audit.jsonl"));
        cleanup = new UserCleanup(dba, audit);
    }

    @AfterEach
    void tearDown() {
        for (int i = 0; i < SET.nodes().size(); i++) {
            if (!SET.node(i).isListening()) {
                SET.start(i);
            }
        }
        dba.close();
        seeds.dropAll();
    }

    @AfterAll
    static void closeSet() {
        SET.close();
    }

    private int aSecondary() {
        return (SET.primaryIndex() + 1) % SET.nodes().size();
    }

    @Test
    void aMemberDownRefusesEveryUserNamingItAndTheListingSaysSo() {
        String idle = seeds.autoUser("idle-member-down", false, "read@db1");
        int down = aSecondary();
        String host = SET.hosts().get(down);
        SET.stop(down);
        AutoUserListing listing = new AutoUserLister(dba).list();
        assertEquals(List.of(host), listing.silentNodes().stream().map(n -> n.node().host()).toList());
        for (CleanupAction action : CleanupAction.values()) {
            CleanupPlan plan = cleanup.planFor(action, List.of(idle));
            assertTrue(plan.actions().isEmpty(), plan.describe());
            String reason = plan.refused().get(0).reason();
            assertTrue(reason.contains(host) && reason.contains("--allow-unverified " + host), reason);
        }
        assertTrue(seeds.exists(idle));
        assertTrue(seeds.userInfo(idle).getList("authenticationRestrictions", Object.class, List.of()).isEmpty());
    }

    @Test
    void anExplicitOverrideForTheSilentMemberActsAndIsAudited() {
        String idle = seeds.autoUser("idle-override", false, "read@db1");
        int down = aSecondary();
        String host = SET.hosts().get(down);
        SET.stop(down);
        dba.allowUnverified(List.of(host));
        CleanupReport report = cleanup.drop(List.of(idle), (result, done, total) -> { });
        assertEquals(UserResult.Status.DONE, report.results().get(0).status(), report.results().toString());
        assertTrue(report.results().get(0).detail().endsWith("; override: sessions on " + host
                + " not checked (--allow-unverified)"), report.results().get(0).detail());
        assertFalse(seeds.exists(idle));
        List<AuditRecord> records = audit.readNewestFirst(100);
        assertTrue(records.stream().anyMatch(r -> r.command().equals("--allow-unverified " + host)
                && r.result().startsWith("override:") && r.targetUser().contains("CN=" + idle)), records.toString());
    }

    @Test
    void anOverrideForAnotherHostDoesNotCoverTheSilentMember() {
        String idle = seeds.autoUser("idle-wrong-override", false, "read@db1");
        int down = aSecondary();
        SET.stop(down);
        dba.allowUnverified(List.of("elsewhere.example:27017"));
        CleanupPlan plan = cleanup.planFor(CleanupAction.LOCK, List.of(idle));
        assertTrue(plan.actions().isEmpty(), plan.describe());
    }

    @Test
    void aMemberThatFallsSilentAfterThePlanStopsTheRunBeforeAnyChange() {
        String idle = seeds.autoUser("idle-silent-later", false, "read@db1");
        CleanupPlan plan = cleanup.planFor(CleanupAction.DROP, List.of(idle));
        assertEquals(1, plan.actions().size(), plan.describe());
        int down = aSecondary();
        String host = SET.hosts().get(down);
        SET.stop(down);
        CleanupReport report = cleanup.execute(plan, (result, done, total) -> { });
        UserResult result = report.results().get(0);
        assertEquals(UserResult.Status.FAILED, result.status(), result.toString());
        assertTrue(result.detail().contains(host), result.detail());
        assertTrue(seeds.exists(idle));
        assertTrue(seeds.userInfo(idle).getList("authenticationRestrictions", Object.class, List.of()).isEmpty());
    }

    @Test
    void aStepDownDuringACleanupIsReportedAndARerunConverges() {
        List<String> users = List.of(seeds.autoUser("sd-a", false), seeds.autoUser("sd-b", false),
                seeds.autoUser("sd-c", false));
        CleanupPlan plan = cleanup.planFor(CleanupAction.DROP, users);
        assertEquals(3, plan.actions().size(), plan.describe());
        UserCleanup steppingDown = new UserCleanup(dba, audit);
        CleanupReport first = steppingDown.execute(plan, (result, done, total) -> {
            if (done == 1) {
                SET.stepDown();
            }
        });
        assertEquals(3, first.results().size(), first.results().toString());
        for (UserResult result : first.results()) {
            boolean gone = !seeds.exists(result.mongoName().substring(3));
            assertEquals(result.status() == UserResult.Status.DONE, gone,
                    "the report says what happened: " + result);
        }
        CleanupReport rerun = cleanup.drop(users.stream().filter(seeds::exists).toList(), (r, d, t) -> { });
        assertTrue(rerun.results().stream().allMatch(r -> r.status() == UserResult.Status.DONE), rerun.results().toString());
        assertTrue(users.stream().noneMatch(seeds::exists));
        assertTrue(dba.deployment().primary().map(Deployment.Node::host).orElseThrow()
                .equals(SET.hosts().get(SET.primaryIndex())));
    }
}
