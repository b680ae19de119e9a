package dev.autouser.ui.app;

import dev.autouser.ui.SandboxUsers;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.core.AppDirs;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.users.UserRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.autouser.testsupport.FxSteps.clickTopRow;
import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.testsupport.FxSteps.paste;
import static dev.autouser.testsupport.FxSteps.replaceText;
import static dev.autouser.testsupport.FxSteps.usersTable;
import static dev.autouser.testsupport.FxSteps.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console driven like a person, headless (Monocle), against the TLS sandbox: fill the connect
 * form, read the table, filter, lock, be refused when dropping an active user, clean up, read the audit.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleFxTest {
    @TempDir
    Path home;
    private ConsoleWindow window;
    private SandboxUsers users;

    /**
     * Only the window, on the FX thread, inside TestFX's set-up bound. The test users (the shared
     * sandbox, which the JVM's first test starts, and a TLS connection as Teleport's admin) are made
     * in {@link #createUsers}, after it: in here they were 7 s of the first test's 12 s set-up at
     * load 17, and on the FX thread they held up the window too.
     */
    @Start
    void start(Stage stage) {
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        window = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                new GatewayConnector(() -> { throw new ConsoleException("No demo in this test."); }));
        window.show(stage);
    }

    @BeforeEach
    void createUsers() {
        users = new SandboxUsers(home.resolve("setup-audit.jsonl"));
    }

    @AfterEach
    void stop() {
        window.close();
        if (users != null) {
            users.close();
        }
    }

    @Test
    void firstRunSaysWhatTheConsoleIsForAndOffersTheDemoOrANewConnection(FxRobot robot) {
        waitFor(() -> robot.lookup("#welcomePane").tryQuery().map(Node::isVisible).orElse(false));
        String purpose = robot.lookup("#welcomePurpose").queryAs(Labeled.class).getText();
        for (String fact : List.of("Teleport provisions automatically", "CN=<name> in $external", "teleport-auto-user",
                "roles, lock state and live sessions", "admin role", "clean up stale users safely")) {
            assertTrue(purpose.contains(fact), "missing \"" + fact + "\" in: " + purpose);
        }
        assertTrue(robot.lookup("#welcomeDemoButton").queryButton().isVisible());
        assertTrue(robot.lookup("#uriField").tryQuery().isEmpty(), "the form waits behind the welcome");

        robot.clickOn("#welcomeNewConnectionButton");

        waitFor(() -> robot.lookup("#uriField").tryQuery().map(Node::isVisible).orElse(false));
        assertTrue(robot.lookup("#welcomePane").tryQuery().isEmpty(), "the welcome is gone");
    }

    /**
     * The window's teardown changes what it shows (the server banner, the status bar, the Connect
     * page's line). Done on the caller's thread while the FX thread lays the scene out, it corrupted
     * the scene graph's bookkeeping ("Index -1 out of bounds" in Parent.updateCachedBounds during a
     * pulse, reported in the next test's wait). Whoever calls close(), the changes happen on the FX thread.
     */
    @Test
    void closingTheWindowFromAnotherThreadChangesWhatItShowsOnTheFxThread(FxRobot robot) {
        dev.autouser.ui.support.ServerHealth health = window.health();
        List<Boolean> onFxThread = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            health.troubleProperty().addListener((obs, was, now) ->
                    onFxThread.add(javafx.application.Platform.isFxApplicationThread()));
            health.watch(() -> {
                throw new ConsoleException("gone");
            });
            health.check();
        });
        waitFor(() -> !health.troubleProperty().get().isEmpty());

        window.close(); // on the test's thread

        assertTrue(health.troubleProperty().get().isEmpty(), "closed: no server, no trouble");
        assertEquals(List.of(true, true), onFxThread, "the trouble (banner, status bar, Connect line) was set and cleared on the FX thread");
    }

    @Test
    void theWindowCarriesTheInstallersIcon(FxRobot robot) {
        Stage stage = (Stage) robot.lookup("#connectView").query().getScene().getWindow();

        javafx.scene.image.Image icon = onFx(() -> stage.getIcons().get(0));

        assertFalse(icon.isError());
        assertEquals(256, icon.getWidth());
    }

    @Test
    void connectingThroughTheFormShowsTheUsersAndWhoWeAre(FxRobot robot) {
        String bob = users.notCleanedUp("bob", "read@db1");

        connectAsDba(robot);
        search(robot, bob);

        assertEquals(UserState.NOT_CLEANED_UP, row(robot, bob).state());
        assertEquals("CN=dba@$external", robot.lookup("#statusIdentity").queryAs(Labeled.class).getText());
        assertTrue(robot.lookup("#statusServerVersion").queryAs(Labeled.class).getText().contains("7.0.14"));
    }

    @Test
    void searchNarrowsTheTableToMatchingUsers(FxRobot robot) {
        String bob = users.notCleanedUp("bob", "readWrite@sales");
        String carol = users.notCleanedUp("carol", "read@db1");
        connectAsDba(robot);
        waitFor(() -> findRow(robot, carol).isPresent());

        search(robot, bob);

        assertEquals(List.of("CN=" + bob), visibleNames(robot));
    }

    @Test
    void lockingAnIdleUserChangesItsStateAndIsAudited(FxRobot robot) {
        String bob = users.notCleanedUp("bob", "read@db1");
        connectAsDba(robot);
        search(robot, bob);

        clickTopRow(robot);
        robot.clickOn("#lockButton");
        waitFor(() -> robot.lookup("#confirmActionButton").tryQuery().isPresent());
        Button confirm = robot.lookup("#confirmActionButton").queryButton();
        assertEquals("Lock 1 user", confirm.getText());
        assertTrue(robot.lookup("#confirmCommands").queryTextInputControl().getText().contains("\"updateUser\": \"CN=" + bob));
        robot.clickOn(confirm);

        waitFor(() -> row(robot, bob).state() == UserState.LOCKED);
        assertEquals(List.of("CN=" + bob), onFx(() -> usersTable(robot).getSelectionModel().getSelectedItems().stream()
                .map(UserRow::mongoName).toList()), "the refresh kept the selection");
        robot.clickOn("#navAudit");
        waitFor(() -> robot.lookup("#auditTree").tryQuery().isPresent()
                && robot.lookup("#auditTree").queryAs(javafx.scene.control.TreeTableView.class).getRoot().getChildren().stream()
                .anyMatch(run -> ((javafx.scene.control.TreeItem<?>) run).getValue().toString().contains("CN=" + bob)));
    }

    @Test
    void droppingAnActiveUserIsRefusedAndSaysWhy(FxRobot robot) {
        String alice = users.active("alice", "read@db1");
        connectAsDba(robot);
        search(robot, alice);
        waitFor(() -> row(robot, alice).state() == UserState.ACTIVE);

        clickTopRow(robot);
        robot.type(KeyCode.DELETE);

        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        String said = robot.lookup(".dialog-pane .header-panel .label").queryAs(Labeled.class).getText();
        assertTrue(said.startsWith("Cannot drop CN=" + alice) && said.contains("1 live connection"), said);
        assertTrue(robot.lookup("#confirmActionButton").tryQuery().isEmpty(), "no way to confirm a drop");
        robot.type(KeyCode.ENTER);
        assertEquals(UserState.ACTIVE, row(robot, alice).state());
    }

    @Test
    void cleanupWizardPlansShowsCommandsAndDropsLockedUsers(FxRobot robot) {
        String carol = users.locked("carol", "read@db1");
        connectAsDba(robot);
        search(robot, carol);

        robot.clickOn("#cleanupButton");
        waitFor(() -> robot.lookup("#scopeLOCKED_ONLY").tryQuery().isPresent());
        robot.clickOn("#scopeLOCKED_ONLY");
        robot.clickOn("#cleanupPlanButton");
        waitFor(() -> robot.lookup("#cleanupCommands").tryQuery().isPresent()
                && robot.lookup("#cleanupRunButton").tryQuery().isPresent());
        assertTrue(robot.lookup("#cleanupCommands").queryTextInputControl().getText()
                .contains("\"dropUser\": \"CN=" + carol + "\""));
        Button run = robot.lookup("#cleanupRunButton").queryButton();
        assertTrue(run.getText().matches("Drop \\d+ users?"), run.getText());
        robot.clickOn(run);

        waitFor(() -> robot.lookup("#cleanupSummary").tryQuery().isPresent()
                && robot.lookup("#cleanupSummary").queryAs(Labeled.class).getText().contains("done"));
        robot.clickOn("#cleanupCloseButton");
        waitFor(() -> findRow(robot, carol).isEmpty());
    }

    /**
     * The wizard's default plan, by age, reads this server's usage history as the CLI's cleanup does: a user
     * the history saw active 3 h ago and unlocked without a session since 2 h ago is planned for a lock, with
     * the age as its reason (before, MongoDB's wizard got no evidence, so every age was unknown).
     */
    @Test
    void cleanupWizardByAgeLocksAUserTheHistorySawNotCleanedUpForHours(FxRobot robot) throws Exception {
        String hank = users.notCleanedUp("hank", "read@db1");
        String server = dev.autouser.core.history.ServerName.fromUri(users.target().uri());
        java.time.Instant now = java.time.Instant.now();
        var psql = new dev.autouser.core.history.ObservedUser.Session("mongosh", "127.0.0.1");
        try (var store = dev.autouser.core.history.HistoryStore.open(new AppDirs(home.resolve("config"),
                home.resolve("data")).history())) {
            store.record(new dev.autouser.core.history.ObservedListing(server, dev.autouser.core.history.UserKey.MONGODB,
                    now.minus(java.time.Duration.ofHours(3)),
                    List.of(new dev.autouser.core.history.ObservedUser("CN=" + hank, false, List.of(psql)))));
            store.record(new dev.autouser.core.history.ObservedListing(server, dev.autouser.core.history.UserKey.MONGODB,
                    now.minus(java.time.Duration.ofHours(2)),
                    List.of(new dev.autouser.core.history.ObservedUser("CN=" + hank, false, List.of()))));
        }
        connectAsDba(robot);
        search(robot, hank);

        robot.clickOn("#cleanupButton");
        waitFor(() -> robot.lookup("#cleanupPlanButton").tryQuery().isPresent());
        robot.clickOn("#cleanupPlanButton"); // by age, the default
        waitFor(() -> robot.lookup("#cleanupRunButton").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        List<dev.autouser.core.provisioning.PlannedAction> planned = onFx(() -> List.copyOf(
                ((javafx.scene.control.TableView<dev.autouser.core.provisioning.PlannedAction>) robot.lookup("#cleanupPlanTable")
                        .queryAs(javafx.scene.control.TableView.class)).getItems()));
        dev.autouser.core.provisioning.PlannedAction hanks = planned.stream().filter(a -> a.mongoName().equals("CN=" + hank))
                .findFirst().orElseThrow(() -> new AssertionError("CN=" + hank + " is not in the plan: " + planned));
        assertTrue(hanks.reason().startsWith("not cleaned up for at least 2 h"), hanks.reason());
        robot.clickOn("#cleanupCancelButton"); // nothing run: the plan is a dry run
    }

    @Test
    void teleportPagesOpenAndTheThemeToggles(FxRobot robot) {
        connectAsDba(robot);

        robot.clickOn("#navAdminSetup");
        assertTrue(robot.lookup("#adminSetupView").tryQuery().isPresent());
        robot.clickOn("#navRoleMapping");
        assertTrue(robot.lookup("#roleMappingView").tryQuery().isPresent());
        robot.clickOn("#themeToggle");
        assertTrue(window.theme().darkProperty().get());
    }

    private void connectAsDba(FxRobot robot) {
        MongoTarget target = users.target();
        robot.clickOn("#welcomeNewConnectionButton"); // a first run: no saved profile yet
        replaceText(robot, "#uriField", target.uri());
        // File fields are pasted: Browse opens a native chooser and Monocle cannot drag files.
        paste(robot, "#caFileField", target.caFile().toString());
        paste(robot, "#certFileField", target.clientFile(MongoTarget.DBA).toString());
        waitFor(() -> robot.lookup("#subjectLabel").queryAs(Labeled.class).getText().contains("CN=dba"));
        robot.clickOn("#connectButton");
        waitFor(() -> robot.lookup("#usersTable").tryQuery().isPresent());
    }

    private void search(FxRobot robot, String teleportName) {
        waitFor(() -> findRow(robot, teleportName).isPresent());
        replaceText(robot, "#searchField", teleportName);
        waitFor(() -> visibleNames(robot).equals(List.of("CN=" + teleportName)));
    }

    private static List<String> visibleNames(FxRobot robot) {
        return onFx(() -> usersTable(robot).getItems().stream().map(UserRow::mongoName).toList());
    }

    private Optional<UserRow> findRow(FxRobot robot, String teleportName) {
        return onFx(() -> usersTable(robot).getItems().stream()
                .filter(r -> r.mongoName().equals("CN=" + teleportName)).findFirst());
    }

    private UserRow row(FxRobot robot, String teleportName) {
        return findRow(robot, teleportName).orElseThrow();
    }
}
