package dev.autouser.core.it;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupCriteria;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.core.provisioning.UserResult.Status;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import dev.autouser.testsupport.Seeds;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lock, drop and cleanup for the DBA, run as CN=dba. */
abstract class CleanupContract extends SeededContract {
    @TempDir
    Path dir;

    private MongoGateway dba;
    private AuditLog audit;
    private UserCleanup cleanup;

    @BeforeEach
    void setUp() {
        dba = seeds.gatewayAs(MongoTarget.DBA);
        audit = new AuditLog(dir.resolve("audit.jsonl"));
        cleanup = new UserCleanup(dba, audit);
    }

    @AfterEach
    void tearDown() {
        dba.close();
    }

    private static Map<String, UserResult> byUser(CleanupReport report) {
        return report.results().stream().collect(Collectors.toMap(r -> r.mongoName().substring(3), Function.identity()));
    }

    /** A plan over the whole server, narrowed to this test's users so parallel leftovers do not matter. */
    private CleanupPlan planFor(CleanupCriteria criteria, List<String> mine) {
        CleanupPlan all = cleanup.plan(criteria);
        List<PlannedAction> actions = all.actions().stream()
                .filter(a -> mine.contains(a.mongoName().substring(3))).toList();
        return new CleanupPlan(all.action(), actions, List.of(), all.plannedAt());
    }

    @Test
    void planChoosesStaleUsersWithReasonsAndExactCommandsAndChangesNothing() {
        String idle = seeds.autoUser("idle", false, "read@db1");
        String locked = seeds.autoUser("locked", true);
        String active = seeds.autoUser("active", false);
        seeds.connect(active, "app");
        CleanupPlan plan = planFor(CleanupCriteria.allStale(), List.of(idle, locked, active));
        assertEquals(List.of("CN=" + idle, "CN=" + locked).stream().sorted().toList(), plan.userNames());
        PlannedAction lockedAction = plan.actions().stream().filter(a -> a.mongoName().equals("CN=" + locked))
                .findFirst().orElseThrow();
        assertEquals("locked, no live connection", lockedAction.reason());
        assertEquals(3, lockedAction.commands().size());
        assertTrue(lockedAction.commands().get(0).contains("\"updateUser\": \"CN=" + locked + "\""));
        assertTrue(lockedAction.commands().get(2).endsWith("runCommand({\"dropUser\": \"CN=" + locked + "\"})"));
        assertTrue(plan.describe().contains("not cleaned up: not locked, no live connection"), plan.describe());
        assertTrue(seeds.exists(idle) && seeds.exists(locked));
        assertEquals(1, seeds.userInfo(idle).getList("roles", Document.class).size());
    }

    @Test
    void lockedOnlyAndIdleOnlyNarrowThePlan() {
        String idle = seeds.autoUser("idle", false);
        String locked = seeds.autoUser("locked", true);
        List<String> mine = List.of(idle, locked);
        assertEquals(List.of("CN=" + locked),
                planFor(new CleanupCriteria(true, false, CleanupAction.DROP), mine).userNames());
        assertEquals(List.of("CN=" + idle),
                planFor(new CleanupCriteria(false, true, CleanupAction.DROP), mine).userNames());
    }

    @Test
    void dropIsLockThenVerifyThenDropAndIsAudited() {
        String name = seeds.autoUser("stale", false, "read@db1");
        CleanupReport report = cleanup.drop(List.of(name), ProgressListener.NONE);
        assertEquals(Status.DONE, byUser(report).get(name).status());
        assertFalse(seeds.exists(name));
        List<AuditRecord> records = audit.readNewestFirst(10);
        // intent before each command, outcome after, oldest last
        assertEquals(List.of(AuditRecord.Phase.OUTCOME, AuditRecord.Phase.INTENT, AuditRecord.Phase.OUTCOME,
                AuditRecord.Phase.INTENT), records.stream().map(AuditRecord::phase).toList());
        assertTrue(records.get(3).command().contains("updateUser"), records.get(3).command());
        assertEquals(records.get(3).actionId(), records.get(2).actionId());
        assertEquals("ok", records.get(2).result());
        assertTrue(records.get(1).command().contains("dropUser"), records.get(1).command());
        assertEquals(records.get(1).actionId(), records.get(0).actionId());
        assertEquals("ok", records.get(0).result());
    }

    @Test
    void lockRefusesUnmanagedUnknownAndConnectedUsersAndLocksTheRest() {
        String human = seeds.plainUser("human", null);
        String busy = seeds.autoUser("busy", false, "read@db1");
        String stale = seeds.autoUser("stale", false, "read@db1");
        String nobody = Seeds.unique("nobody");
        seeds.connect(busy, "app");
        CleanupReport report = cleanup.lock(List.of(human, busy, stale, nobody), ProgressListener.NONE);
        Map<String, UserResult> results = byUser(report);
        assertEquals(Status.SKIPPED, results.get(human).status());
        assertTrue(results.get(human).detail().contains("not managed by Teleport"));
        assertEquals(Status.SKIPPED, results.get(busy).status());
        assertTrue(results.get(busy).detail().contains("1 live connection"), results.get(busy).detail());
        assertEquals(Status.SKIPPED, results.get(nobody).status());
        assertEquals(Status.DONE, results.get(stale).status());
        assertTrue(seeds.userInfo(human).getList("authenticationRestrictions", Document.class).isEmpty());
        assertEquals(1, seeds.userInfo(busy).getList("roles", Document.class).size());
        assertEquals(List.of(new Document("clientSource", List.of("0.0.0.0"))),
                seeds.userInfo(stale).getList("authenticationRestrictions", Document.class));
    }

    @Test
    void userWhoConnectsBetweenPlanAndDropSurvives() {
        String late = seeds.autoUser("late", false, "read@db1");
        String stale = seeds.autoUser("stale", false);
        CleanupPlan plan = planFor(CleanupCriteria.allStale(), List.of(late, stale));
        assertEquals(2, plan.actions().size());
        seeds.connect(late, "arrived-late");
        CleanupReport report = cleanup.execute(plan, ProgressListener.NONE);
        Map<String, UserResult> results = byUser(report);
        assertEquals(Status.SKIPPED, results.get(late).status());
        assertTrue(results.get(late).detail().startsWith("connected since the plan"), results.get(late).detail());
        assertEquals(Status.DONE, results.get(stale).status());
        Document survivor = seeds.userInfo(late);
        assertEquals(1, survivor.getList("roles", Document.class).size());
        assertTrue(survivor.getList("authenticationRestrictions", Document.class).isEmpty());
        assertFalse(seeds.exists(stale));
    }

    @Test
    void userChangedByHandAfterThePlanIsNotTouched() {
        String retagged = seeds.autoUser("retagged", false);
        String dropped = seeds.autoUser("dropped", false);
        CleanupPlan plan = planFor(CleanupCriteria.allStale(), List.of(retagged, dropped));
        target().dba().getDatabase("$external").runCommand(new Document("updateUser", "CN=" + retagged)
                .append("customData", new Document("owner", "someone")));
        target().dba().getDatabase("$external").runCommand(new Document("dropUser", "CN=" + dropped));
        Map<String, UserResult> results = byUser(cleanup.execute(plan, ProgressListener.NONE));
        assertEquals(Status.SKIPPED, results.get(retagged).status());
        assertEquals(Status.SKIPPED, results.get(dropped).status());
        assertTrue(seeds.exists(retagged));
    }

    @Test
    void connectionLostMidCleanupLeavesAReportThatMatchesTheServerAndARerunConverges() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mine.add(seeds.autoUser("bulk", i % 2 == 0, "read@db1"));
        }
        CleanupPlan plan = planFor(CleanupCriteria.allStale(), mine);
        assertEquals(6, plan.actions().size());
        ProgressListener pullThePlug = (result, finished, total) -> {
            if (finished == 2) {
                dba.close();
            }
        };
        CleanupReport report = cleanup.execute(plan, pullThePlug);
        assertEquals(6, report.results().size());
        assertEquals(2, report.done());
        assertEquals(4, report.failed());
        for (UserResult result : report.results()) {
            String name = result.mongoName().substring(3);
            assertEquals(result.status() != Status.DONE, seeds.exists(name), result.toString());
        }
        try (MongoGateway again = seeds.gatewayAs(MongoTarget.DBA)) {
            UserCleanup rerun = new UserCleanup(again, audit);
            List<AutoUser> left = new AutoUserLister(again).list().users().stream()
                    .filter(u -> mine.contains(u.mongoName().substring(3))).toList();
            assertEquals(4, left.size());
            CleanupPlan second = rerun.planFor(CleanupAction.DROP, left.stream().map(AutoUser::mongoName).toList());
            assertEquals(4, rerun.execute(second, ProgressListener.NONE).done());
        }
        mine.forEach(name -> assertFalse(seeds.exists(name), name));
    }
}
