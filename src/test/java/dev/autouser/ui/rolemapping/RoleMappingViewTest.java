package dev.autouser.ui.rolemapping;

import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Secrets;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.core.teleport.ServerRoleCatalog;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.SessionPreviewer;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.support.Theme;
import dev.autouser.ui.adminsetup.TeleportUiFixture;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the role-mapping editor like a person, against the sandbox. */
@ExtendWith(ApplicationExtension.class)
class RoleMappingViewTest {
    private final TeleportUiFixture fx = new TeleportUiFixture();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private MongoGateway admin;

    @Start
    void start(Stage stage) {
        new Theme(false);
        MongoTarget t = fx.target;
        admin = MongoGateway.connect(ConnectionProfile.x509(t.uri(), t.caFile(), t.clientFile(MongoTarget.TELEPORT_ADMIN)),
                Secrets.none(), Duration.ofSeconds(10));
        RoleMappingViewModel model = new RoleMappingViewModel(new ServerRoleCatalog(fx.dbaRunner()), dialogs, FxExecutors.direct());
        SessionPreviewModel session = new SessionPreviewModel(model, new SessionPreviewer(fx.dbaRunner()),
                new SessionSimulator(new TeleportProvisioner(admin, fx.audit), new SessionPreviewer(new GatewayCommandRunner(admin))), dialogs, FxExecutors.direct());
        Scene scene = new Scene(new RoleMappingView(model, session), 1180, 760);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        fx.dropUser("CN=bob-" + fx.id);
        admin.close();
        fx.close();
    }

    @Test
    void aMistypedRoleIsFlaggedOnItsEntryWithTheFix(FxRobot robot) {
        robot.clickOn("#newAllowField").write("readwrite@db1", 0).type(KeyCode.ENTER);

        ListView<String> allow = robot.lookup("#allowList").queryListView();
        assertEquals(List.of("readWrite@db1", "{{internal.db_roles}}", "readwrite@db1"), allow.getItems());
        assertTrue(entryCell(robot, "readwrite@db1\nno such role — did you mean `readWrite`?").isPresent(),
                robot.lookup("#allowList .list-cell").<javafx.scene.control.ListCell<?>>queryAll().stream().map(c -> String.valueOf(c.getText())).toList().toString());
        assertEquals("1 error: Teleport would refuse or misbehave.", robot.lookup("#summaryLabel").queryLabeled().getText());
        List<String> findings = robot.lookup("#problemList .list-cell").<javafx.scene.control.ListCell<?>>queryAll().stream()
                .filter(cell -> !cell.isEmpty()).map(javafx.scene.control.ListCell::getText).toList();
        assertTrue(findings.contains("Error — `readwrite@db1`: no such role — did you mean `readWrite`?"), findings.toString());

        robot.clickOn(entryCell(robot, "readwrite@db1\n").orElseThrow());
        assertEquals("readwrite@db1", allow.getSelectionModel().getSelectedItem());
        javafx.scene.control.Button remove = robot.lookup("#allowRemoveButton").queryButton();
        assertTrue(!remove.isDisabled(), remove.localToScreen(remove.getBoundsInLocal()).toString());
        robot.clickOn(remove);
        assertEquals(List.of("readWrite@db1", "{{internal.db_roles}}"), allow.getItems());
        // Not "Valid": the template's roles come from each user's traits, and none were given to check them.
        assertEquals("Not fully checked: 1 template needs sample traits to check the roles it produces; no errors in the rest.",
                robot.lookup("#summaryLabel").queryLabeled().getText());
    }

    private static java.util.Optional<javafx.scene.control.ListCell<?>> entryCell(FxRobot robot, String textStart) {
        return robot.lookup("#allowList .list-cell").<javafx.scene.control.ListCell<?>>queryAll().stream()
                .filter(cell -> cell.isVisible() && !cell.isEmpty() && cell.getText() != null && cell.getText().startsWith(textStart))
                .findFirst();
    }

    @Test
    void aDbLabelsLineWithoutKeyAndValueIsMarkedOnTheFieldWithTheSentence(FxRobot robot) {
        TextArea labels = robot.lookup("#labelsArea").queryAs(TextArea.class);
        robot.clickOn(labels).write("env: prod\nstaging");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertTrue(labels.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER));
        assertEquals("A db_labels line needs key: value, e.g. env: prod (got \"staging\").",
                labels.getTooltip().getText());

        robot.write(": yes");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!labels.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER), labels.getText());
    }

    @Test
    void theYamlTabFollowsTheEdits(FxRobot robot) {
        robot.clickOn("#modeChoice").clickOn("best_effort_drop");

        String yaml = robot.lookup("#roleYamlArea").queryAs(TextArea.class).getText();
        assertTrue(yaml.contains("create_db_user_mode: best_effort_drop"), yaml);
        robot.clickOn("#copyRoleYamlButton");
        assertEquals(yaml, dialogs.clipboard.get(0));
    }

    @Test
    void previewThenSimulateASession(FxRobot robot) {
        robot.clickOn("Preview & simulate");
        robot.clickOn("#traitsArea").write("db_roles=read@db2", 0);
        robot.clickOn("#previewUserField").write("bob-" + fx.id, 0);

        robot.clickOn("#previewButton");
        String preview = robot.lookup("#previewArea").queryAs(TextArea.class).getText();
        assertTrue(preview.startsWith("MongoDB user: CN=bob-" + fx.id + " in $external (mode keep)\nRoles: readWrite@db1, read@db2\nTeleport creates the user.\n"), preview);

        robot.clickOn("#simulateButton");
        assertEquals("Simulate session for CN=bob-" + fx.id, dialogs.confirmations.get(0).actionLabel());
        ListView<String> steps = robot.lookup("#simulationSteps").queryListView();
        assertEquals(List.of("session start (activate): created", "session end (deactivate, keep mode): deactivated (roles removed, locked)",
                "Simulation finished as Teleport's admin CN=teleport-admin@$external: Teleport can run this session end to end."), steps.getItems());
    }

    @Test
    void importingAnotherRoleClearsThePreviewAndTheSimulation(FxRobot robot) throws Exception {
        robot.clickOn("Preview & simulate");
        robot.clickOn("#previewUserField").write("bob-" + fx.id, 0);
        robot.clickOn("#previewButton");
        assertTrue(!robot.lookup("#previewArea").queryAs(TextArea.class).getText().isEmpty());
        java.nio.file.Path role = java.nio.file.Files.createTempFile("role", ".yaml");
        java.nio.file.Files.writeString(role, "kind: role\nmetadata:\n  name: other\nspec:\n  allow:\n    db_roles:\n    - read@db2\n"
                + "  options:\n    create_db_user_mode: keep\nversion: v7\n");
        dialogs.openFile = role;

        robot.clickOn("#importButton");

        assertEquals("", robot.lookup("#previewArea").queryAs(TextArea.class).getText());
        assertTrue(robot.lookup("#simulationSteps").queryListView().getItems().isEmpty());
    }

    @Test
    void oneClickAppliesTheDidYouMeanSuggestion(FxRobot robot) {
        robot.clickOn("#newAllowField").write("readwrite@db2", 0).type(KeyCode.ENTER);

        robot.clickOn("#applySuggestionButton");

        ListView<String> allow = robot.lookup("#allowList").queryListView();
        assertEquals(List.of("readWrite@db1", "{{internal.db_roles}}", "readWrite@db2"), allow.getItems());
        // Not "Valid": the template's roles come from each user's traits, and none were given to check them.
        assertEquals("Not fully checked: 1 template needs sample traits to check the roles it produces; no errors in the rest.",
                robot.lookup("#summaryLabel").queryLabeled().getText());
    }

    @Test
    void anEntryIsEditedInPlace(FxRobot robot) {
        robot.clickOn("#newAllowField").write("read@db2", 0).type(KeyCode.ENTER);
        robot.doubleClickOn(entryCell(robot, "read@db2").orElseThrow());

        robot.lookup("#entryEditField").queryAs(javafx.scene.control.TextField.class).setText("");
        robot.clickOn("#entryEditField").write("readWrite@db2", 0).type(KeyCode.ENTER);

        ListView<String> allow = robot.lookup("#allowList").queryListView();
        assertEquals(List.of("readWrite@db1", "{{internal.db_roles}}", "readWrite@db2"), allow.getItems());
    }

    @Test
    void simulateAsShowsTheEndOfALongPathWithTheWholePathInItsTooltip(FxRobot robot) {
        robot.clickOn("Preview & simulate");
        TextField field = robot.lookup("#simulateAsField").queryAs(TextField.class);
        String path = "/home/a-dba-with-a-long-name/.local/share/autouser/demo-pki/some/deeper/folder/teleport-admin.pem";

        robot.interact(() -> field.setText(path));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertEquals(path.length(), field.getCaretPosition());
        assertEquals(path, field.getTooltip().getText());
        assertDrawsTheEndOf(field, path);
    }

    /**
     * What the field draws: the text node's end lies within the field, its start scrolled out of sight
     * (the first .text node is the prompt's, hidden once there is text).
     */
    static void assertDrawsTheEndOf(TextField field, String path) {
        javafx.scene.text.Text text = field.lookupAll(".text").stream().map(javafx.scene.text.Text.class::cast)
                .filter(node -> path.equals(node.getText())).findFirst().orElseThrow();
        javafx.geometry.Bounds drawn = text.localToScene(text.getBoundsInLocal());
        javafx.geometry.Bounds box = field.localToScene(field.getBoundsInLocal());
        assertTrue(drawn.getMaxX() <= box.getMaxX() && drawn.getMinX() < box.getMinX(),
                "text " + drawn.getMinX() + ".." + drawn.getMaxX() + " in field " + box.getMinX() + ".." + box.getMaxX());
    }
}
