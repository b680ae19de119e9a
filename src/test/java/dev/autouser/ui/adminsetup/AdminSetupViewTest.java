package dev.autouser.ui.adminsetup;

import dev.autouser.core.teleport.adminsetup.Finding;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.support.Theme;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static dev.autouser.testsupport.FxSteps.replaceText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the admin-setup page like a person, against the sandbox. */
@ExtendWith(ApplicationExtension.class)
class AdminSetupViewTest {
    private final TeleportUiFixture fx = new TeleportUiFixture();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        new Theme(false);
        AdminSetupViewModel model = new AdminSetupViewModel(fx.adminSetup(), fx.databases(List.of("readWrite@db1"), List.of()), fx.target.uri(), dialogs, FxExecutors.direct());
        Scene scene = new Scene(new AdminSetupView(model), 1100, 760);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private void typeNames(FxRobot robot) {
        replaceText(robot, "#roleNameField", fx.roleName);
        replaceText(robot, "#adminUserField", fx.adminUser);
    }

    @Test
    void verifyThenApplyThenVerifyAgain(FxRobot robot) {
        typeNames(robot);

        robot.clickOn("#verifyButton");
        ListView<Finding> findings = robot.lookup("#findingList").queryListView();
        assertEquals(List.of(Finding.Kind.ROLE_MISSING, Finding.Kind.USER_MISSING), findings.getItems().stream().map(Finding::kind).toList());

        robot.clickOn("#applyButton");
        assertEquals("Apply 2 changes", dialogs.confirmations.get(0).actionLabel());
        ListView<String> steps = robot.lookup("#stepList").queryListView();
        assertEquals(List.of("done: createRole " + fx.roleName, "done: createUser " + fx.adminUser), steps.getItems());
        robot.clickOn("#verifyButton");
        assertEquals("The setup matches what Teleport needs.", robot.lookup("#statusLabel").queryLabeled().getText());
        assertEquals(List.of(), findings.getItems());
    }

    @Test
    void findingsWrapWithinTheListInsteadOfRunningOffItsEdge(FxRobot robot) {
        // The demo's drift: the admin role without dropUser, whose consequence is one long sentence.
        org.bson.Document external = new org.bson.Document("db", "$external").append("collection", "");
        fx.target.dba().getDatabase("admin").runCommand(new org.bson.Document("createRole", fx.roleName)
                .append("privileges", List.of(
                        new org.bson.Document("resource", new org.bson.Document("cluster", true)).append("actions", List.of("inprog")),
                        new org.bson.Document("resource", new org.bson.Document("db", "").append("collection", ""))
                                .append("actions", List.of("grantRole", "revokeRole")),
                        new org.bson.Document("resource", external).append("actions", List.of("createUser", "updateUser",
                                "viewUser", "setAuthenticationRestriction", "changeCustomData"))))
                .append("roles", List.of()));
        fx.target.dba().getDatabase("$external").runCommand(new org.bson.Document("createUser", fx.adminUser)
                .append("roles", List.of(new org.bson.Document("role", fx.roleName).append("db", "admin"))));
        typeNames(robot);
        robot.interact(() -> robot.lookup("#findingList").query().getScene().getWindow().setWidth(640));

        robot.clickOn("#verifyButton");
        robot.interact(() -> robot.lookup("#findingList").query().getScene().getRoot().layout());

        ListView<Finding> findings = robot.lookup("#findingList").queryListView();
        for (javafx.scene.Node cell : findings.lookupAll(".list-cell")) {
            if (cell instanceof javafx.scene.control.ListCell<?> shown && shown.getItem() != null) {
                assertTrue(shown.getWidth() <= findings.getWidth(), shown.getItem() + ": " + shown.getWidth()
                        + " px wide in a list " + findings.getWidth() + " px wide");
                for (javafx.scene.Node text : shown.lookupAll(".label")) {
                    assertTrue(!(text instanceof javafx.scene.control.Labeled label) || !dev.autouser.ui.support.Truncation.isTruncated(label),
                            "cut instead of wrapped: " + shown.getItem());
                }
            }
        }
    }

    @Test
    void leastPrivilegeWithViewRoleShowsInTheScript(FxRobot robot) {
        typeNames(robot);
        robot.clickOn("#scopeChosenRadio");
        robot.clickOn("#viewRoleCheck");

        robot.clickOn("#verifyButton");
        robot.clickOn("mongosh script");

        String script = robot.lookup("#scriptArea").queryAs(TextArea.class).getText();
        assertTrue(script.contains("{ resource: { db: \"db1\", collection: \"\" }, actions: [ \"grantRole\" ] }"), script);
        assertTrue(script.contains("actions: [ \"revokeRole\", \"viewRole\" ]"), script);
        robot.clickOn("#copyScriptButton");
        assertEquals(script, dialogs.clipboard.get(0));
    }

    @Test
    void teleportYamlTabShowsBothForms(FxRobot robot) {
        typeNames(robot);
        robot.clickOn("Teleport YAML");

        TextArea yaml = robot.lookup("#yamlArea").queryAs(TextArea.class);
        assertTrue(yaml.getText().startsWith("kind: db\nversion: v3\n"), yaml.getText());
        assertTrue(yaml.getText().contains("name: teleport-admin-" + fx.id), yaml.getText());
        robot.clickOn("#staticYamlCheck");
        assertTrue(yaml.getText().startsWith("db_service:\n  enabled: true\n  databases:\n"), yaml.getText());
    }

    @Test
    void openingThePageShowsTheFindingsWithoutAClick(FxRobot robot) {
        // The page opened with the default names: its findings are the core's for them, read at once.
        List<Finding> expected = fx.adminSetup().verify(new dev.autouser.core.teleport.adminsetup.AdminRoleSpec(
                dev.autouser.core.teleport.adminsetup.AdminRoleSpec.DEFAULT_ROLE,
                dev.autouser.core.teleport.adminsetup.AdminRoleSpec.DEFAULT_ADMIN_USER, List.of(), false)).findings();

        ListView<Finding> findings = robot.lookup("#findingList").queryListView();
        assertEquals(expected, findings.getItems());
        assertTrue(!robot.lookup("#statusLabel").queryLabeled().getText().startsWith("Not checked yet"),
                robot.lookup("#statusLabel").queryLabeled().getText());
    }
}
