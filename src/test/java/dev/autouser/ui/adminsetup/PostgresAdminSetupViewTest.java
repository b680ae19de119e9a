package dev.autouser.ui.adminsetup;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.testsupport.PostgresTarget;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.support.Theme;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static dev.autouser.testsupport.FxSteps.replaceText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the PostgreSQL admin-setup page like a person, against the real embedded PostgreSQL (as dba). */
@ExtendWith(ApplicationExtension.class)
class PostgresAdminSetupViewTest {
    private final PostgresTarget target = PostgresTarget.shared();
    private final String admin = "tp-view-admin-" + UUID.randomUUID().toString().substring(0, 8);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private PostgresGateway gateway;

    @Start
    void start(Stage stage) throws Exception {
        new Theme(false);
        gateway = PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null);
        AuditLog audit = new AuditLog(Files.createTempDirectory("autouser-pg-audit").resolve("audit.jsonl"));
        PostgresAdminSetupViewModel model = new PostgresAdminSetupViewModel(gateway, audit, dialogs, FxExecutors.direct());
        Scene scene = new Scene(new PostgresAdminSetupView(model), 1100, 760);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        target.sql("DROP ROLE IF EXISTS \"" + admin + "\"");
        gateway.close();
    }

    private static List<String> shownFindings(FxRobot robot) {
        ListView<PostgresFinding> findings = robot.lookup("#findingList").queryListView();
        return findings.getItems().stream().map(PostgresFinding::text).toList();
    }

    @Test
    void theTestServersAdminIsCheckedOnOpenWithoutAClick(FxRobot robot) {
        assertEquals("The setup matches what Teleport needs.", robot.lookup("#statusLabel").queryLabeled().getText());
        assertTrue(shownFindings(robot).contains("teleport-admin holds teleport-auto-user WITH ADMIN OPTION"), shownFindings(robot).toString());
        assertTrue(shownFindings(robot).contains("ssl is on"), shownFindings(robot).toString());
        javafx.scene.control.Button apply = robot.lookup("#applyButton").queryButton();
        assertFalse(apply.getStyleClass().contains(atlantafx.base.theme.Styles.ACCENT), "nothing to apply: not styled as the next step");
    }

    @Test
    void aMissingAdminIsCreatedWithTheSqlShownFirst(FxRobot robot) {
        replaceText(robot, "#adminRoleField", admin);
        robot.clickOn("#verifyButton");
        assertTrue(shownFindings(robot).contains("the role " + admin + " does not exist: Teleport cannot log in to create users"),
                shownFindings(robot).toString());
        javafx.scene.control.Button apply = robot.lookup("#applyButton").queryButton();
        assertTrue(apply.getStyleClass().contains(atlantafx.base.theme.Styles.ACCENT), "two statements to run: the next step");
        robot.clickOn("SQL");
        String sql = robot.lookup("#scriptArea").queryAs(TextArea.class).getText();
        assertEquals("CREATE USER \"" + admin + "\" LOGIN CREATEROLE;\nGRANT \"teleport-auto-user\" TO \"" + admin
                + "\" WITH ADMIN OPTION;\n", sql);
        robot.clickOn("#copyScriptButton");
        assertEquals(sql, dialogs.clipboard.get(0));
        robot.clickOn("Findings");

        robot.clickOn("#applyButton");

        assertEquals(sql, dialogs.confirmations.get(0).commands());
        assertEquals("Apply 2 changes", dialogs.confirmations.get(0).actionLabel());
        ListView<String> steps = robot.lookup("#stepList").queryListView();
        assertEquals(List.of("sent: CREATE USER \"" + admin + "\" LOGIN CREATEROLE;",
                "sent: GRANT \"teleport-auto-user\" TO \"" + admin + "\" WITH ADMIN OPTION;"), steps.getItems());
        assertTrue(shownFindings(robot).contains(admin + " holds teleport-auto-user WITH ADMIN OPTION"), shownFindings(robot).toString());
    }

    @Test
    void theYamlTabGivesTeleportsResourceAndTheDefaultDatabaseWhenTyped(FxRobot robot) {
        robot.clickOn("#defaultDatabaseField").write("appdb", 0).type(KeyCode.TAB);
        robot.clickOn("Teleport YAML");

        TextArea yaml = robot.lookup("#yamlArea").queryAs(TextArea.class);
        assertTrue(yaml.getText().startsWith("kind: db\nversion: v3\nmetadata:\n  name: postgres\n"), yaml.getText());
        assertTrue(yaml.getText().contains("protocol: postgres"), yaml.getText());
        assertTrue(yaml.getText().contains("default_database: appdb"), yaml.getText());
        robot.clickOn("#copyYamlButton");
        assertEquals(yaml.getText(), dialogs.clipboard.get(0));
        robot.clickOn("#staticYamlCheck");
        assertTrue(yaml.getText().startsWith("db_service:\n  enabled: true\n  databases:\n"), yaml.getText());
    }
}
