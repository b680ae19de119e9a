package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ObservedListing;
import dev.autouser.core.history.ObservedUser;
import dev.autouser.core.history.ServerName;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.SqlText;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.testsupport.PostgresAutoUsers;
import dev.autouser.testsupport.PostgresTarget;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.support.FxExecutors;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's cleanup wizard and Users refresh on a real PostgreSQL (the shared embedded server), driven
 * as a DBA does: connect with the files {@code tctl auth sign --format=db} writes, open "Clean up…".
 */
@ExtendWith(ApplicationExtension.class)
class PostgresCleanupFxTest {
    @TempDir
    Path home;
    private AppDirs dirs;
    private ConsoleWindow window;
    private final PostgresAutoUsers users = new PostgresAutoUsers("pgw");

    @Start
    void start(Stage stage) {
        dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        window = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                new GatewayConnector(() -> { throw new ConsoleException("No demo in this test."); }));
        window.show(stage);
    }

    @AfterEach
    void stop() throws SQLException {
        window.close();
        users.close();
    }

    @Test
    void theWizardPlansByThisServersHistoryHandsAnOwnersObjectsToTheChosenRoleAndRunsWhatItShowed(FxRobot robot)
            throws SQLException {
        String idle = users.autoUser("idle", true, "pgg_reader");
        String old = users.autoUser("old", false);
        String table = users.ownedTable(old);
        seedHistory(idle, old);
        connectAsDba(robot);

        robot.clickOn("#cleanupButton");
        waitFor(() -> robot.lookup("#cleanupPlanButton").tryQuery().isPresent());
        assertTrue(onFx(() -> robot.lookup("#actionDrop").queryAs(Labeled.class).getText()).contains("DROP ROLE"));
        robot.clickOn("#cleanupPlanButton"); // by age, the default
        waitFor(() -> robot.lookup("#cleanupRunButton").tryQuery().isPresent() && !planned(robot).isEmpty());

        assertEquals(List.of(idle + " lock", old + " drop"), planned(robot).stream()
                .filter(a -> a.mongoName().equals(idle) || a.mongoName().equals(old))
                .map(a -> a.mongoName() + " " + a.action().verb()).toList(), "the other auto-users' age is unknown here");
        assertTrue(visible(robot, "#cleanupOwnedObjects"));
        assertTrue(text(robot, "#cleanupOwners").startsWith("Own objects: " + old + " (1 in postgres)"),
                text(robot, "#cleanupOwners"));
        assertTrue(onFx(() -> robot.lookup("#cleanupOwnersKeepLocked").queryAs(RadioButton.class).isSelected()));
        assertTrue(commands(robot).contains("DROP ROLE " + SqlText.identifier(old) + ";"), commands(robot));

        robot.clickOn("#cleanupOwnersReassign");
        assertEquals(PostgresTarget.DBA, onFx(() -> robot.lookup("#cleanupNewOwner").queryAs(ComboBox.class).getValue()),
                "the connected role is offered first");
        waitFor(() -> commands(robot).contains("REASSIGN OWNED BY " + SqlText.identifier(old) + " TO \"dba\""));
        assertTrue(commands(robot).contains("ALTER ROLE " + SqlText.identifier(idle) + " NOLOGIN;"), commands(robot));
        waitFor(() -> !onFx(() -> robot.lookup("#cleanupRunButton").queryButton().isDisabled()));
        Button run = robot.lookup("#cleanupRunButton").queryButton();
        assertTrue(onFx(run::getText).matches("Lock \\d+, drop \\d+ users"), onFx(run::getText));
        robot.clickOn(run);

        waitFor(() -> robot.lookup("#cleanupSummary").tryQuery().isPresent()
                && text(robot, "#cleanupSummary").contains("done"));
        assertFalse(users.canLogin(idle));
        assertFalse(users.exists(old));
        assertEquals(PostgresTarget.DBA, users.ownerOf(table));
        AuditLog audit = new AuditLog(dirs.auditLog());
        assertTrue(audit.readNewestFirst(200).stream().anyMatch(r -> r.targetUser().equals(old) && r.result().equals("ok")
                && r.command().contains("REASSIGN OWNED BY " + SqlText.identifier(old))), "audited as it ran");
        robot.clickOn("#cleanupCloseButton");
    }

    @Test
    void theUsersRefreshSettlesALostReplyFromWhatTheServerShows(FxRobot robot) {
        String lost = users.autoUser("lost", true);
        AuditLog audit = new AuditLog(dirs.auditLog());
        try (PostgresGateway gateway = PostgresGateway.connect(users.target().profileAs(PostgresTarget.DBA), null, null)) {
            PostgresAutoUsers.lockWithLostReply(gateway, audit, lost);
        }
        assertTrue(PostgresAutoUsers.resolutionOf(audit, lost).isEmpty());

        connectAsDba(robot);

        waitFor(() -> PostgresAutoUsers.resolutionOf(audit, lost).isPresent());
        assertEquals("resolved: applied, " + lost + " cannot log in (NOLOGIN)",
                PostgresAutoUsers.resolutionOf(audit, lost).orElseThrow().result());
    }

    /** This window's history saw {@code idle} in use 3 h ago and idle since 2 h; {@code old} active 41 d ago, locked since 40 d. */
    private void seedHistory(String idle, String old) {
        Instant now = Instant.now();
        String server = ServerName.fromUri("postgresql://localhost:" + users.target().port() + "/postgres");
        ObservedUser.Session psql = new ObservedUser.Session("psql", "127.0.0.1");
        try (HistoryStore store = HistoryStore.open(dirs.history())) {
            store.record(new ObservedListing(server, UserKey.POSTGRESQL, now.minus(Duration.ofDays(41)),
                    List.of(new ObservedUser(old, false, List.of(psql)))));
            store.record(new ObservedListing(server, UserKey.POSTGRESQL, now.minus(Duration.ofDays(40)),
                    List.of(new ObservedUser(old, true, List.of()))));
            store.record(new ObservedListing(server, UserKey.POSTGRESQL, now.minus(Duration.ofHours(3)),
                    List.of(new ObservedUser(old, true, List.of()), new ObservedUser(idle, false, List.of(psql)))));
            store.record(new ObservedListing(server, UserKey.POSTGRESQL, now.minus(Duration.ofHours(2)),
                    List.of(new ObservedUser(old, true, List.of()), new ObservedUser(idle, false, List.of()))));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void connectAsDba(FxRobot robot) {
        PostgresTarget target = users.target();
        robot.clickOn("#welcomeNewConnectionButton");
        robot.clickOn("#uriField");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(target.uri());
        paste(robot, "#caFileField", target.caFile().toString());
        paste(robot, "#certFileField", target.certFile(PostgresTarget.DBA).toString());
        paste(robot, "#keyFileField", target.keyFile(PostgresTarget.DBA).toString());
        robot.clickOn("#connectButton");
        waitFor(() -> onFx(() -> window.session() != null));
        waitFor(() -> robot.lookup("#usersTable").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static List<PlannedAction> planned(FxRobot robot) {
        return onFx(() -> List.copyOf(((TableView<PlannedAction>) robot.lookup("#cleanupPlanTable").queryAs(TableView.class)).getItems()));
    }

    private static String commands(FxRobot robot) {
        return onFx(() -> robot.lookup("#cleanupCommands").queryTextInputControl().getText());
    }

    private static String text(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    private static boolean visible(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false));
    }

    private static void paste(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.interact(() -> robot.lookup(field).queryTextInputControl().setText(text));
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Reading the window failed", e);
        }
    }

    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for the window", e);
        }
    }
}
