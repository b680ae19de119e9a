package dev.autouser.ui.support;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An override in an action dialog is a checkbox the person ticks; until then the action button does nothing. */
@ExtendWith(ApplicationExtension.class)
class OverrideCheckFxTest {
    private static final String CHECK = "Act although localhost:27018 (secondary) does not answer: a session there"
            + " cannot be seen. Only if you know nobody works through localhost:27018 (written to the audit log).";
    private Stage stage;
    private FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1024, 700));
        stage.show();
        dialogs = new FxDialogService(() -> stage, notice -> { });
    }

    private CompletableFuture<Boolean> ask(String requiredCheck) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.confirm(new Confirmation("Drop auto-users",
                "The sessions on localhost:27018 cannot be checked. Drop CN=bob?", List.of("CN=bob"),
                "db.getSiblingDB(\"$external\").runCommand({dropUser: \"CN=bob\"})", "Drop 1 user", true, requiredCheck))));
        return answer;
    }

    private void waitForDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#confirmActionButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theActionButtonWorksOnlyOnceTheOverrideIsTicked(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask(CHECK);
        waitForDialog(robot);
        Button action = robot.lookup("#confirmActionButton").queryButton();
        CheckBox check = robot.lookup("#confirmRequiredCheck").queryAs(CheckBox.class);
        assertTrue(check.getText().contains("localhost:27018"), check.getText());
        assertFalse(check.isSelected(), "never ticked for the person");
        assertTrue(action.isDisabled(), "no action without the override");
        robot.clickOn(check);
        assertFalse(action.isDisabled());
        robot.clickOn(action);
        assertTrue(answer.get(20, TimeUnit.SECONDS));
    }

    @Test
    void untickingAgainOrCancellingActsOnNothing(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask(CHECK);
        waitForDialog(robot);
        CheckBox check = robot.lookup("#confirmRequiredCheck").queryAs(CheckBox.class);
        robot.clickOn(check);
        robot.clickOn(check);
        assertTrue(robot.lookup("#confirmActionButton").queryButton().isDisabled());
        robot.clickOn("#confirmCancelButton");
        assertFalse(answer.get(20, TimeUnit.SECONDS));
    }

    @Test
    void aDialogWithoutAnOverrideHasNoCheckbox(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask("");
        waitForDialog(robot);
        assertTrue(robot.lookup("#confirmRequiredCheck").tryQuery().isEmpty());
        assertFalse(robot.lookup("#confirmActionButton").queryButton().isDisabled());
        robot.clickOn("#confirmCancelButton");
        assertFalse(answer.get(20, TimeUnit.SECONDS));
    }
}
