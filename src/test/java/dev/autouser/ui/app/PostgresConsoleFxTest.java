package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.testsupport.HeldCommits;
import dev.autouser.testsupport.PostgresAutoUsers;
import dev.autouser.testsupport.PostgresTarget;
import dev.autouser.ui.users.UserRow;
import java.util.List;
import java.util.Optional;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.support.FxExecutors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import static dev.autouser.testsupport.FxSteps.clickTopRow;
import static dev.autouser.testsupport.FxSteps.fillPostgresConnectForm;
import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.testsupport.FxSteps.replaceText;
import static dev.autouser.testsupport.FxSteps.usersTable;
import static dev.autouser.testsupport.FxSteps.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console connected to a real PostgreSQL (the shared embedded server) through the Connect form,
 * as a DBA does with the files {@code tctl auth sign --format=db} writes: CA, certificate, key.
 */
@ExtendWith(ApplicationExtension.class)
class PostgresConsoleFxTest {
    @TempDir
    Path home;
    private ConsoleWindow window;
    private final PostgresAutoUsers users = new PostgresAutoUsers("pgg");

    @Start
    void start(Stage stage) {
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        window = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                new GatewayConnector(() -> { throw new ConsoleException("No demo in this test."); }));
        window.show(stage);
    }

    @AfterEach
    void stop() throws java.sql.SQLException {
        window.close();
        users.close();
    }

    @Test
    void theUsersPageShowsEachStateAndTheDetailsPostgresqlReports(FxRobot robot) throws java.sql.SQLException {
        String idle = users.autoUser("idle", true, "pgg_reader");
        String locked = users.autoUser("locked", false);
        String active = users.autoUser("active", true, "pgg_reader");
        users.session(active, "psql-pgg");
        String owner = users.autoUser("owner", false);
        users.ownedTable(owner);

        connectAsDba(robot);
        waitFor(() -> findRow(robot, active).isPresent());

        assertEquals(UserState.NOT_CLEANED_UP, row(robot, idle).state());
        assertEquals(UserState.LOCKED, row(robot, locked).state());
        assertEquals(UserState.ACTIVE, row(robot, active).state());
        assertEquals("PostgreSQL role", onFx(() -> usersTable(robot).getColumns().stream()
                .filter(c -> "mongoColumn".equals(c.getId())).findFirst().orElseThrow().getText()));
        search(robot, active);
        clickTopRow(robot);
        String sessions = texts(robot, "#detailSessions");
        assertTrue(sessions.contains("postgres") && sessions.contains("psql-pgg"), sessions);
        search(robot, owner);
        clickTopRow(robot);
        assertTrue(texts(robot, "#detailOwned").contains("1 in postgres"), texts(robot, "#detailOwned"));
        assertTrue(robot.lookup("#detailLogin").queryAs(Labeled.class).getText().startsWith("NOLOGIN"));
    }

    @Test
    void lockFromTheGuiLocksTheRoleOnTheServer(FxRobot robot) {
        String idle = users.autoUser("tolock", true, "pgg_reader");
        connectAsDba(robot);
        search(robot, idle);
        clickTopRow(robot);

        robot.clickOn("#lockButton");
        waitFor(() -> visible(robot, "#confirmActionButton"));
        String commands = robot.lookup("#confirmCommands").queryTextInputControl().getText();
        assertTrue(commands.contains("NOLOGIN") && commands.contains("REVOKE"), commands);
        robot.clickOn("#confirmActionButton");

        waitFor(() -> !users.canLogin(idle));
        waitFor(() -> row(robot, idle).state() == UserState.LOCKED);
    }

    @Test
    void droppingAnOwnerAndKeepingItLockedLeavesItLockedAndSaysWhy(FxRobot robot) {
        String owner = users.autoUser("keep", true, "pgg_reader");
        String table = users.ownedTable(owner);
        connectAsDba(robot);
        search(robot, owner);
        clickTopRow(robot);

        robot.clickOn("#dropButton");
        waitFor(() -> visible(robot, "#ownedKeepLocked"));
        assertTrue(robot.lookup("#ownedKeepLocked").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        robot.clickOn("#ownedNextButton");
        waitFor(() -> visible(robot, "#confirmActionButton"));
        String message = robot.lookup(".dialog-pane .header-panel .label").queryAs(Labeled.class).getText();
        assertTrue(message.contains("stays locked, as Teleport does (TP004)"), message);
        robot.clickOn("#confirmActionButton");

        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()
                && robot.lookup("#confirmActionButton").tryQuery().isEmpty());
        String said = robot.lookup(".dialog-pane .header-panel .label").queryAs(Labeled.class).getText();
        assertTrue(said.contains("1 skipped"), said);
        String details = robot.lookup("#errorDetails").queryTextInputControl().getText();
        assertTrue(details.contains("owner of table") && details.contains("stays locked, as Teleport does (TP004)"), details);
        assertTrue(details.contains("It owns objects: to drop it, drop it again and choose a role to take them.")
                && !details.contains("--reassign-owned-to"), "the console's way, not the CLI's option: " + details);
        robot.type(KeyCode.ENTER);
        assertTrue(users.exists(owner), "an owner is never dropped without reassigning");
        assertFalse(users.canLogin(owner), "it stays locked");
        assertEquals(owner, users.ownerOf(table));
    }

    @Test
    void droppingAnOwnerWithReassignToDropsItAndTheRoleOwnsTheObjects(FxRobot robot) {
        String owner = users.autoUser("handover", true);
        String table = users.ownedTable(owner);
        connectAsDba(robot);
        search(robot, owner);
        clickTopRow(robot);

        robot.clickOn("#dropButton");
        waitFor(() -> visible(robot, "#ownedReassign"));
        robot.clickOn("#ownedReassign");
        assertEquals(PostgresTarget.DBA, onFx(() -> robot.lookup("#ownedNewOwner")
                .queryAs(javafx.scene.control.ComboBox.class).getValue()), "the connected role is offered first");
        robot.clickOn("#ownedNextButton");
        waitFor(() -> visible(robot, "#confirmActionButton"));
        String commands = robot.lookup("#confirmCommands").queryTextInputControl().getText();
        assertTrue(commands.contains("REASSIGN OWNED BY \"" + owner + "\" TO \"dba\""), commands);
        robot.clickOn("#confirmActionButton");

        waitFor(() -> !users.exists(owner));
        assertEquals(PostgresTarget.DBA, users.ownerOf(table));
    }

    @Test
    void aPostgresqlUriWithTheDbaFilesConnectsAndTheStatusBarSaysPostgresql(FxRobot robot) {
        connectAsDba(robot);

        assertEquals(Engine.POSTGRESQL, onFx(() -> window.session().engine()));
        assertTrue(onFx(() -> window.session().mongo().isEmpty()));
        assertEquals(PostgresTarget.DBA, robot.lookup("#statusIdentity").queryAs(Labeled.class).getText());
        String version = robot.lookup("#statusServerVersion").queryAs(Labeled.class).getText();
        assertTrue(version.startsWith("PostgreSQL "), version);
    }

    @Test
    void adminSetupAndRoleMappingAreThePostgresPages(FxRobot robot) {
        connectAsDba(robot);

        robot.clickOn("#navAdminSetup");
        // Checked on open, no click: the test server's teleport-admin holds the group WITH ADMIN OPTION.
        waitFor(() -> robot.lookup("#statusLabel").tryQuery().map(n -> ((Labeled) n).getText())
                .filter(t -> t.equals("The setup matches what Teleport needs.")).isPresent());
        assertTrue(robot.lookup("#adminRoleField").tryQuery().isPresent(), "PostgreSQL's form, not MongoDB's");
        robot.clickOn("#navRoleMapping");
        waitFor(() -> robot.lookup("#roleMappingView").tryQuery().isPresent());
        assertTrue(robot.lookup("#mappingAdminField").tryQuery().isPresent(), "entries are checked for Teleport's admin");
    }

    @Test
    void afterTheConsolesBackendIsTerminatedTheUsersPageReconnectsOnItsOwn(FxRobot robot) {
        String before = users.autoUser("before", true);
        connectAsDba(robot);
        waitFor(() -> findRow(robot, before).isPresent());

        // when: the console's connection dies, as in a server restart or an admin's pg_terminate_backend
        assertTrue(users.target().queryBoolean("SELECT count(pg_terminate_backend(pid)) > 0 FROM pg_stat_activity"
                + " WHERE usename = 'dba' AND application_name = 'autouser' AND pid <> pg_backend_pid()"));
        String after = users.autoUser("after", true);

        // then: no reconnecting by hand; the page lists what the server has now, and nothing says it is gone
        waitForOutage(() -> findRow(robot, after).isPresent());
        waitForOutage(() -> onFx(() -> window.health().answeringProperty().get()
                && !robot.lookup("#serverGoneBanner").query().isVisible()));
    }

    @Test
    void aLockWhoseReplyIsLostIsReportedAndTheRecoveredPageShowsItLocked(FxRobot robot) {
        String user = users.autoUser("lost", true, "pgg_reader");
        try (HeldCommits held = HeldCommits.cuttingCommit(users.target(), 1)) {
            connectTo(robot, held.uri());
            search(robot, user);
            clickTopRow(robot);
            robot.clickOn("#lockButton");
            waitFor(() -> visible(robot, "#confirmActionButton"));
            robot.clickOn("#confirmActionButton");

            waitForOutage(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()
                    && robot.lookup("#confirmActionButton").tryQuery().isEmpty());
            assertTrue(held.cutStatement().isPresent(), "the NOLOGIN's commit was cut");
            String details = robot.lookup("#errorDetails").queryTextInputControl().getText();
            assertTrue(details.contains("lost the connection while locking: the server may or may not have done it"), details);
            robot.type(KeyCode.ENTER);
        }
        assertFalse(users.canLogin(user), "PostgreSQL committed the NOLOGIN before the connection was cut");

        // the session re-opens its connection by itself and the page shows the change that happened
        waitForOutage(() -> findRow(robot, user).map(r -> r.state() == UserState.LOCKED).orElse(false));
        List<AuditRecord> lost = AuditLog.readFile(home.resolve("data").resolve("audit.jsonl")).entries().stream().map(AuditEntry::record)
                .filter(r -> r.targetUser().equals(user) && r.outcomeUnknown()).toList();
        assertEquals(1, lost.size(), "audited as sent, outcome unknown");
    }

    @Test
    void theConnectFormLeavesNoGapWhereTheHiddenUsernameAndPasswordRowsAre(FxRobot robot) {
        waitFor(() -> robot.lookup("#welcomeNewConnectionButton").tryQuery().isPresent()); // the window may not show it yet
        fillPostgresConnectForm(robot, PostgresTarget.shared(), PostgresTarget.DBA);
        waitFor(() -> !onFx(() -> robot.lookup("#subjectLabel").queryAs(Labeled.class).getText()).isEmpty());

        double gap = onFx(() -> {
            Node subject = robot.lookup("#subjectLabel").query();
            Node hint = robot.lookup("#postgresHint").query();
            return hint.localToScene(hint.getBoundsInLocal()).getMinY() - subject.localToScene(subject.getBoundsInLocal()).getMaxY();
        });
        assertTrue(gap <= 10.5, "the form's row spacing is 10 px; hidden rows add none, but here: " + gap);
    }

    @Test
    void thePostgresTableGivesTheRootClustersRoomToTheRoles(FxRobot robot) {
        String local = users.autoUser("roles", true, "pgg_reader");
        connectAsDba(robot);
        waitFor(() -> findRow(robot, local).isPresent());
        javafx.scene.control.TableColumn<UserRow, ?> cluster = column(robot, "clusterColumn");
        javafx.scene.control.TableColumn<UserRow, ?> roles = column(robot, "rolesColumn");
        assertFalse(onFx(cluster::isVisible), "hidden on PostgreSQL (the table's menu shows it)");
        assertTrue(onFx(roles::getWidth) >= 200, "the roles get its room: " + onFx(roles::getWidth));
    }

    private static javafx.scene.control.TableColumn<UserRow, ?> column(FxRobot robot, String id) {
        return onFx(() -> usersTable(robot).getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow());
    }

    private void connectAsDba(FxRobot robot) {
        fillPostgresConnectForm(robot, PostgresTarget.shared(), PostgresTarget.DBA);
        connectAndWait(robot);
    }

    /** A URI that says it all (user, sslrootcert): no files in the form. */
    private void connectTo(FxRobot robot, String uri) {
        robot.clickOn("#welcomeNewConnectionButton");
        replaceText(robot, "#uriField", uri);
        connectAndWait(robot);
    }

    private void connectAndWait(FxRobot robot) {
        robot.clickOn("#connectButton");
        waitFor(() -> onFx(() -> window.session() != null));
        waitFor(() -> robot.lookup("#usersTable").tryQuery().isPresent());
    }

    private static boolean visible(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
    }

    private static String texts(FxRobot robot, String box) {
        return onFx(() -> robot.lookup(box + " .label").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .collect(java.util.stream.Collectors.joining("\n")));
    }

    private static void search(FxRobot robot, String name) {
        waitFor(() -> findRow(robot, name).isPresent() || onFx(() -> usersTable(robot).getItems().size() < 1000));
        replaceText(robot, "#searchField", name);
        waitFor(() -> onFx(() -> usersTable(robot).getItems().stream().map(UserRow::mongoName).toList()).equals(List.of(name)));
    }

    private static Optional<UserRow> findRow(FxRobot robot, String name) {
        return onFx(() -> robot.lookup("#usersTable").tryQuery().isEmpty() ? Optional.<UserRow>empty()
                : usersTable(robot).getItems().stream().filter(r -> r.mongoName().equals(name)).findFirst());
    }

    private static UserRow row(FxRobot robot, String name) {
        return findRow(robot, name).orElseThrow();
    }

    /** Bounds a hang only: the console notices within a health check (5 s) plus its timeouts, then re-opens. */
    private static void waitForOutage(Callable<Boolean> condition) {
        waitFor(120, condition);
    }
}
