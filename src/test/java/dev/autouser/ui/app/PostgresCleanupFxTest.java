package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.audit.AuditLog;
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
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static dev.autouser.testsupport.FxSteps.fillPostgresConnectForm;
import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.testsupport.FxSteps.waitFor;
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
        PostgresAutoUsers.historyOfAnIdleAndALongLockedUser(dirs.history(), idle, old);
        connectAsDba(robot);

        robot.clickOn("#cleanupButton");
        waitFor(() -> robot.lookup("#cleanupPlanButton").tryQuery().isPresent());
        assertTrue(onFx(() -> robot.lookup("#actionDrop").queryAs(Labeled.class).getText()).contains("DROP ROLE"));
        robot.clickOn("#cleanupPlanButton"); // by age, the default
        waitFor(() -> robot.lookup("#cleanupRunButton").tryQuery().isPresent() && !planned(robot).isEmpty());

        // kept locked by default: the owner's row says so, and no DROP ROLE it would meet 2BP01 with is planned
        assertEquals(List.of(idle + " lock", old + " stays locked (owns objects)"), planned(robot).stream()
                .filter(a -> a.mongoName().equals(idle) || a.mongoName().equals(old))
                .map(a -> a.mongoName() + " " + cellText(robot, a)).toList(), "the other auto-users' age is unknown here");
        assertTrue(visible(robot, "#cleanupOwnedObjects"));
        assertTrue(text(robot, "#cleanupOwners").startsWith("Own objects: " + old + " (1 in postgres)"),
                text(robot, "#cleanupOwners"));
        assertTrue(onFx(() -> robot.lookup("#cleanupOwnersKeepLocked").queryAs(RadioButton.class).isSelected()));
        assertFalse(commands(robot).contains("DROP ROLE " + SqlText.identifier(old)), commands(robot));
        assertTrue(onFx(() -> robot.lookup("#cleanupRunButton").queryButton().getText()).startsWith("Lock "),
                "no drop is counted");

        robot.clickOn("#cleanupOwnersReassign");
        ComboBox<?> newOwner = robot.lookup("#cleanupNewOwner").queryAs(ComboBox.class);
        assertEquals(null, onFx(newOwner::getValue), "no role is picked for the person");
        assertEquals(PostgresTarget.DBA, onFx(() -> newOwner.getItems().get(0)), "the connected role is still offered first");
        assertTrue(onFx(() -> robot.lookup("#cleanupRunButton").queryButton().isDisabled()), "the run waits for a pick");
        onFx(() -> newOwner.getSelectionModel().select(0));
        waitFor(() -> commands(robot).contains("REASSIGN OWNED BY " + SqlText.identifier(old) + " TO \"dba\""));
        assertTrue(commands(robot).contains("ALTER ROLE " + SqlText.identifier(idle) + " NOLOGIN;"), commands(robot));
        waitFor(() -> !onFx(() -> robot.lookup("#cleanupRunButton").queryButton().isDisabled()));
        Button run = robot.lookup("#cleanupRunButton").queryButton();
        assertTrue(onFx(run::getText).matches("Lock \\d+, drop \\d+ users"), onFx(run::getText));
        assertEquals("Clicking “" + onFx(run::getText) + "” runs the plan at once, without another question; until then"
                + " nothing has changed.", text(robot, "#cleanupRunsNow"));
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
    void theWizardOffersTeleportsAuditImportWhichKeepsPostgresSessionsInThisServersHistory(FxRobot robot) throws Exception {
        String locked = users.autoUser("imported", false);
        connectAsDba(robot);
        robot.clickOn("#cleanupButton");
        waitFor(() -> robot.lookup("#cleanupPlanButton").tryQuery().isPresent());
        assertTrue(visible(robot, "#teleportImportButton"), "offered on PostgreSQL as on MongoDB");

        // what the button runs on the chosen file (the file chooser itself is the platform's)
        java.time.Instant lastSession = java.time.Instant.now().minus(java.time.Duration.ofDays(45))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Path events = home.resolve("events.log");
        java.nio.file.Files.writeString(events, "{\"ei\":1,\"event\":\"db.session.end\",\"code\":\"TDB01I\",\"time\":\""
                + lastSession + "\",\"user\":\"" + locked + "\",\"sid\":\"s1\",\"db_service\":\"pg\",\"db_protocol\":\"postgres\","
                + "\"db_uri\":\"localhost:5432\",\"db_user\":\"" + locked + "\"}\n");
        String server = dev.autouser.core.history.ServerName.fromUri("postgresql://" + onFx(() -> window.session().server()));
        String said = new TeleportAuditFileImport(dirs.history(), server, onFx(() -> window.session().engine())).importFile(events);
        assertTrue(said.contains("1 user's"), said);
        try (dev.autouser.core.history.HistoryStore store = dev.autouser.core.history.HistoryStore.open(dirs.history())) {
            assertEquals(lastSession, store.evidence(server, dev.autouser.core.history.UserKey.POSTGRESQL).values().stream()
                    .filter(e -> e.key().user().equals(locked)).findFirst().orElseThrow().lastActive()
                    .get(dev.autouser.core.history.EvidenceSource.TELEPORT_AUDIT).at(), "kept under the role, in PostgreSQL's history");
        }
        robot.clickOn("#cleanupCancelButton");
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

    private void connectAsDba(FxRobot robot) {
        fillPostgresConnectForm(robot, users.target(), PostgresTarget.DBA);
        robot.clickOn("#connectButton");
        waitFor(() -> onFx(() -> window.session() != null));
        waitFor(() -> robot.lookup("#usersTable").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private static List<PlannedAction> planned(FxRobot robot) {
        return onFx(() -> List.copyOf(((TableView<PlannedAction>) robot.lookup("#cleanupPlanTable").queryAs(TableView.class)).getItems()));
    }

    /** What the plan table's Action column shows for {@code action}. */
    @SuppressWarnings("unchecked")
    private static String cellText(FxRobot robot, PlannedAction action) {
        return onFx(() -> {
            TableView<PlannedAction> table = robot.lookup("#cleanupPlanTable").queryAs(TableView.class);
            return String.valueOf(table.getColumns().get(1).getCellData(action));
        });
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
}
