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
import java.util.List;

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
}
