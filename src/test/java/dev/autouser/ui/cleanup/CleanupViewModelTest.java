package dev.autouser.ui.cleanup;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.SandboxUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.autouser.core.history.UserEvidence;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.evidence.TeleportImport;
import dev.autouser.core.policy.PolicyDecision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cleanup wizard's steps against the TLS sandbox, executors inline. */
class CleanupViewModelTest {
    @TempDir
    Path dir;
    private SandboxUsers users;
    private MongoGateway gateway;
    private CleanupViewModel wizard;
    private int refreshes;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeEach
    void connect() {
        users = new SandboxUsers(dir.resolve("setup.jsonl"));
        gateway = MongoGateway.connect(users.dbaProfile(), null);
        wizard = new CleanupViewModel(new UserCleanup(gateway, new AuditLog(dir.resolve("audit.jsonl"))), dialogs,
                FxExecutors.direct(), () -> refreshes++);
    }

    @AfterEach
    void close() {
        gateway.close();
        users.close();
    }

    @Test
    void planIsADryRunThatListsExactCommandsAndNeverTakesActiveUsers() {
        String active = users.active("alice", "read@db1");
        String locked = users.locked("carol", "read@db1");
        wizard.scopeProperty().set(CleanupViewModel.Scope.LOCKED_AND_NOT_CLEANED_UP);

        wizard.makePlan();

        assertEquals(CleanupViewModel.Step.PLAN, wizard.stepProperty().get());
        List<String> planned = wizard.planned().stream().map(PlannedAction::mongoName).toList();
        assertTrue(planned.contains("CN=" + locked), planned.toString());
        assertFalse(planned.contains("CN=" + active), planned.toString());
        assertTrue(wizard.commandsProperty().get().contains("\"dropUser\": \"CN=" + locked + "\""));
        assertEquals("Drop " + planned.size() + (planned.size() == 1 ? " user" : " users"), wizard.runLabelProperty().get());
        assertTrue(new AutoUserLister(gateway).list().find("CN=" + locked).isPresent(), "nothing changed yet");
    }

    @Test
    void lockedOnlyScopeLeavesIdleUsersOut() {
        String idle = users.notCleanedUp("bob", "read@db1");
        String locked = users.locked("carol", "read@db1");
        wizard.scopeProperty().set(CleanupViewModel.Scope.LOCKED_ONLY);

        wizard.makePlan();

        List<String> planned = wizard.planned().stream().map(PlannedAction::mongoName).toList();
        assertTrue(planned.contains("CN=" + locked));
        assertFalse(planned.contains("CN=" + idle));
    }

    @Test
    void runExecutesThePlanAndReportsEachUser() {
        String idle = users.notCleanedUp("bob", "read@db1");
        wizard.scopeProperty().set(CleanupViewModel.Scope.NOT_CLEANED_UP_ONLY);
        wizard.actionProperty().set(CleanupAction.LOCK);
        wizard.makePlan();
        int planned = wizard.planned().size();

        wizard.run();

        assertEquals(CleanupViewModel.Step.RESULTS, wizard.stepProperty().get());
        assertEquals(planned, wizard.results().size());
        UserResult bob = wizard.results().stream().filter(r -> r.mongoName().equals("CN=" + idle)).findFirst().orElseThrow();
        assertEquals(UserResult.Status.DONE, bob.status());
        assertEquals(1.0, wizard.progressProperty().get());
        assertTrue(new AutoUserLister(gateway).list().find("CN=" + idle).orElseThrow().locked());
        assertEquals(1, refreshes, "the users page refreshes afterwards");
        assertTrue(wizard.summaryProperty().get().contains("done"), wizard.summaryProperty().get());
        assertEquals(1, dialogs.finished.size(), dialogs.finished::toString);
        assertTrue(dialogs.finished.get(0).startsWith("Cleanup finished: " + planned + " done, 0 skipped, 0 failed"),
                dialogs.finished::toString);
    }

    @Test
    void backReturnsToTheCriteriaWithoutRunning() {
        users.locked("carol", "read@db1");
        wizard.makePlan();

        wizard.back();

        assertEquals(CleanupViewModel.Step.CRITERIA, wizard.stepProperty().get());
        assertTrue(wizard.results().isEmpty());
    }

    @Test
    void theDefaultPlanIsByAgeAndListsUsersOfUnknownAgeWithoutTakingThem() {
        String idle = users.notCleanedUp("bob", "read@db1");
        String locked = users.locked("carol", "read@db1");

        wizard.makePlan();

        assertEquals(CleanupViewModel.Scope.BY_AGE, wizard.scopeProperty().get());
        assertTrue(wizard.planned().isEmpty(), wizard.planned().toString());
        List<String> listed = wizard.notIncluded().stream().map(PolicyDecision::mongoName).toList();
        assertTrue(listed.containsAll(List.of("CN=" + idle, "CN=" + locked)), listed.toString());
        assertEquals("Nothing to do", wizard.runLabelProperty().get());
        assertFalse(wizard.canRunProperty().get());
    }

    @Test
    void byAgeLocksAUserNotCleanedUpLongerThanTheChosenMinutesAndSaysWhy() {
        String idle = users.notCleanedUp("bob", "read@db1");
        String recent = users.notCleanedUp("dan", "read@db1");
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Map<String, UserEvidence> evidence = Map.of(
                "CN=" + idle, notCleanedUpSince(idle, now.minus(Duration.ofMinutes(50))),
                "CN=" + recent, notCleanedUpSince(recent, now.minus(Duration.ofMinutes(20))));
        wizard = new CleanupViewModel(new UserCleanup(gateway, new AuditLog(dir.resolve("audit.jsonl"))),
                () -> evidence, Clock.fixed(now, ZoneOffset.UTC), dialogs, FxExecutors.direct(), () -> refreshes++);
        wizard.policyCriteria().lockAfterMinutesProperty().set(30);

        wizard.makePlan();

        assertEquals(List.of("CN=" + idle), wizard.planned().stream().map(PlannedAction::mongoName).toList());
        assertEquals("not cleaned up for at least 50 min (over 30 min)", wizard.planned().get(0).reason());
        assertEquals("Lock 1 user", wizard.runLabelProperty().get());
        wizard.run();
        assertTrue(new AutoUserLister(gateway).list().find("CN=" + idle).orElseThrow().locked());
        assertFalse(new AutoUserLister(gateway).list().find("CN=" + recent).orElseThrow().locked());
    }

    @Test
    void importedTeleportSessionsAreReadByTheNextByAgePlan() throws Exception {
        String locked = users.locked("erin", "read@db1");
        Path events = dir.resolve("events.log");
        java.nio.file.Files.writeString(events, "{\"event\":\"db.session.end\",\"code\":\"TDB01I\",\"time\":\""
                + Instant.now().minus(Duration.ofDays(45)) + "\",\"user\":\"erin\",\"db_protocol\":\"mongodb\","
                + "\"db_user\":\"" + locked + "\"}\nnot json\n");
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"))) {
            wizard = new CleanupViewModel(new UserCleanup(gateway, new AuditLog(dir.resolve("audit.jsonl"))),
                    () -> store.evidence("sandbox:27017", UserKey.MONGODB), Clock.systemUTC(),
                    file -> TeleportImport.run(file, "sandbox:27017", Optional.empty(), store).summary(),
                    dialogs, FxExecutors.direct(), () -> refreshes++);

            wizard.importTeleport(events);
            wizard.makePlan();

            assertEquals("2 events read: 1 used, 0 of other types, 1 bad (line 2: not JSON); 1 user's last session recorded.",
                    wizard.importSummaryProperty().get());
            PolicyDecision erin = wizard.notIncluded().stream().filter(d -> d.mongoName().equals("CN=" + locked))
                    .findFirst().orElseThrow();
            assertTrue(erin.reason().endsWith("; last active 45 d ago (Teleport audit)"), erin.reason());
        }
    }

    private static UserEvidence notCleanedUpSince(String name, Instant since) {
        return new UserEvidence(new UserKey("sandbox", UserKey.MONGODB, "CN=" + name), Optional.of(since),
                Map.of(), Optional.empty(), Optional.empty(), Optional.of(since), Optional.empty());
    }
}
