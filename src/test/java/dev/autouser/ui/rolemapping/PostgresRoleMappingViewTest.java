package dev.autouser.ui.rolemapping;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.testsupport.PostgresTarget;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.support.Theme;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the role-mapping editor on a PostgreSQL session like a person, against the real embedded PostgreSQL. */
@ExtendWith(ApplicationExtension.class)
class PostgresRoleMappingViewTest {
    private final PostgresTarget target = PostgresTarget.shared();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private PostgresGateway gateway;

    @Start
    void start(Stage stage) {
        new Theme(false);
        target.sql("DO $$BEGIN IF to_regrole('pgv_reader') IS NULL THEN CREATE ROLE pgv_reader; END IF; END$$",
                "GRANT pgv_reader TO \"teleport-admin\" WITH ADMIN OPTION, INHERIT FALSE, SET FALSE");
        gateway = PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null);
        RoleMappingViewModel model = new RoleMappingViewModel(new PostgresRoleChecks(gateway,
                new SimpleStringProperty(PostgresTarget.TELEPORT_ADMIN)), RoleEntryHints.POSTGRES, dialogs, FxExecutors.direct());
        AuditLog audit;
        try {
            audit = new AuditLog(java.nio.file.Files.createTempDirectory("pgv-audit").resolve("audit.jsonl"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SessionPreviewModel session = new SessionPreviewModel(model, SessionPreviews.postgres(gateway),
                SimulationLogins.postgres(gateway, target.profileAs(PostgresTarget.DBA), audit), dialogs, FxExecutors.direct());
        Scene scene = new Scene(new RoleMappingView(model, session), 1180, 760);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    private final String user = "pgv-alice-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void tearDown() {
        gateway.close();
        target.sql("DROP ROLE IF EXISTS \"" + user + "\"");
    }

    private static List<String> findings(FxRobot robot) {
        return robot.lookup("#problemList .list-cell").<ListCell<?>>queryAll().stream()
                .filter(cell -> !cell.isEmpty()).map(ListCell::getText).toList();
    }

    @Test
    void aPathFilledInBeforeTheTabOpensShowsItsEndWithTheWholePathInItsTooltip(FxRobot robot) {
        // As the demo does: the admin's PEM is filled in while "Preview & simulate" has never been shown.
        String path = "/root/.local/share/autouser/demo-pki/postgres/some/deeper/folder/teleport-admin.pem";
        TextField field = robot.lookup("#simulateAsField").queryAs(TextField.class);
        robot.interact(() -> field.setText(path));

        robot.clickOn("Preview & simulate");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertEquals(path, field.getTooltip().getText());
        RoleMappingViewTest.assertDrawsTheEndOf(field, path); // the file name is in sight
    }

    @Test
    void aMongoStyleEntryIsFlaggedThenTheRoleNameAloneIsValid(FxRobot robot) {
        robot.clickOn("#dbNamesField").write("*", 0);
        robot.clickOn("#labelsArea").write("env: prod", 0);
        robot.clickOn("#newAllowField").write("pgv_reader@appdb", 0).type(KeyCode.ENTER);

        assertEquals("1 error: Teleport would refuse or misbehave.", robot.lookup("#summaryLabel").queryLabeled().getText());
        assertTrue(findings(robot).stream().anyMatch(f -> f.startsWith("Error — `pgv_reader@appdb`: no such role: PostgreSQL role"
                + " names have no @db")), findings(robot).toString());

        ListView<String> allow = robot.lookup("#allowList").queryListView();
        robot.interact(() -> allow.getItems().set(allow.getItems().indexOf("pgv_reader@appdb"), "pgv_reader"));

        assertEquals(List.of("{{internal.db_roles}}", "pgv_reader"), allow.getItems());
        assertTrue(findings(robot).stream().noneMatch(f -> f.startsWith("Error")), findings(robot).toString());
        assertEquals(PostgresTarget.TELEPORT_ADMIN, robot.lookup("#mappingAdminField").queryAs(TextField.class).getText());
    }

    @Test
    void thePreviewShowsTeleportsActivateCallAndTheSimulationRunsTeleportsProcedures(FxRobot robot) {
        javafx.scene.control.TabPane tabs = robot.lookup("#roleTabs").queryAs(javafx.scene.control.TabPane.class);
        assertEquals("Preview & simulate", tabs.getTabs().get(1).getText());
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("#traitsArea").write("db_roles=pgv_reader", 0);
        robot.clickOn("#previewUserField").write(user, 0);

        robot.clickOn("#previewButton");

        String preview = robot.lookup("#previewArea").queryAs(TextArea.class).getText();
        assertTrue(preview.startsWith("PostgreSQL user: " + user + " (mode keep)\nRoles: pgv_reader\n"), preview);
        assertTrue(preview.contains("call pg_temp.teleport_activate_user('" + user + "', ARRAY['pgv_reader']::varchar[]);"), preview);
        assertTrue(!target.roleExists(user), "a preview changes nothing");

        robot.clickOn("#simulateButton");

        assertTrue(dialogs.confirmations.get(0).commands().contains("CALL pg_temp.teleport_deactivate_user('" + user + "');"),
                dialogs.confirmations.get(0).commands());
        assertEquals(List.of("session start (activate): created", "session end (deactivate, keep mode): deactivated (roles removed, locked)"),
                robot.lookup("#simulationSteps").queryListView().getItems().subList(0, 2));
        assertTrue(target.roleExists(user) && !target.canLogin(user), "Teleport's procedures created it, then locked it");
    }
}
