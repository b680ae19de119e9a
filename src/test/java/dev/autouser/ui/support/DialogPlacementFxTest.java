package dev.autouser.ui.support;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.autouser.testsupport.FxSteps.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: a confirmation for 20–30 users opened at x = -1733 and the console looked frozen. Every
 * dialog is owned by the main window, fits the screen (long lists scroll inside it) and is centred
 * on its owner.
 */
@ExtendWith(ApplicationExtension.class)
class DialogPlacementFxTest {
    private Stage stage;
    private FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1024, 700));
        stage.setX(60);
        stage.setY(40);
        stage.show();
        dialogs = new FxDialogService(() -> stage, notice -> { });
    }

    @Test
    void aConfirmationForThirtyUsersIsOwnedByTheWindowFitsTheScreenAndIsCentred(FxRobot robot) throws Exception {
        List<String> users = IntStream.range(0, 30).mapToObj(i -> "CN=remote-someone-with-a-long-name-" + i + "-root-eu").toList();
        String message = "Drop " + String.join(", ", users) + "? Skipped: " + users.stream()
                .map(u -> u + " has 2 live connections from 10.0.0.1:50000, 10.0.0.2:50001").collect(Collectors.joining("; ")) + ".";
        String commands = users.stream().map(u -> "db.getSiblingDB(\"$external\").runCommand({dropUser: \"" + u + "\"})")
                .collect(Collectors.joining("\n"));
        Platform.runLater(() -> dialogs.confirm(new Confirmation("Drop auto-users", message, users, commands,
                Confirmation.countLabel("Drop", users.size()), true)));

        Window dialog = waitForDialog(robot);

        assertSame(stage, ((Stage) dialog).getOwner(), "owned by the main window");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(dialog.getX() >= screen.getMinX() && dialog.getY() >= screen.getMinY()
                        && dialog.getX() + dialog.getWidth() <= screen.getMaxX()
                        && dialog.getY() + dialog.getHeight() <= screen.getMaxY(),
                "inside the screen " + screen + ": " + bounds(dialog));
        assertTrue(dialog.getWidth() <= stage.getWidth(), "no wider than its owner: " + bounds(dialog));
        assertEquals(stage.getX() + stage.getWidth() / 2, dialog.getX() + dialog.getWidth() / 2, 2, "centred: " + bounds(dialog));
        javafx.scene.control.ScrollPane subjects = robot.lookup("#confirmSubjectsScroll").query();
        assertTrue(subjects.getHeight() < subjects.getContent().getBoundsInLocal().getHeight(),
                "the 30 names scroll inside the dialog");
        robot.clickOn("#confirmCancelButton");
    }

    @Test
    void anErrorWithALongSentenceStaysOnTheScreenCentredOnTheWindow(FxRobot robot) throws Exception {
        String sentence = "Refreshing the users failed: " + "not authorized on $external to execute command usersInfo; ".repeat(30);
        Platform.runLater(() -> dialogs.showError(sentence, new IllegalStateException("x\n".repeat(200))));

        Window dialog = waitForDialog(robot);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(dialog.getX() >= screen.getMinX() && dialog.getX() + dialog.getWidth() <= screen.getMaxX()
                && dialog.getY() + dialog.getHeight() <= screen.getMaxY(), bounds(dialog));
        assertEquals(stage.getX() + stage.getWidth() / 2, dialog.getX() + dialog.getWidth() / 2, 2, "centred: " + bounds(dialog));
        robot.clickOn(".dialog-pane .button");
    }

    @Test
    void theCleanupWizardFitsA1024By700WindowAndIsCentredOnIt(FxRobot robot) throws Exception {
        Stage wizard = onFx(() -> dev.autouser.ui.cleanup.CleanupWizard.open(stage,
                new dev.autouser.ui.cleanup.CleanupViewModel(null, dialogs, FxExecutors.direct(), () -> { })));
        WaitForAsyncUtils.waitForFxEvents();

        assertSame(stage, wizard.getOwner());
        assertTrue(wizard.getWidth() <= stage.getWidth() && wizard.getHeight() <= stage.getHeight(), bounds(wizard));
        assertEquals(stage.getX() + stage.getWidth() / 2, wizard.getX() + wizard.getWidth() / 2, 2, "centred: " + bounds(wizard));
        robot.interact(wizard::close);
    }

    private Window waitForDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w != stage && w.isShowing() && w.getWidth() > 0));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow();
    }

    private static String bounds(Window w) {
        return "x=" + w.getX() + " y=" + w.getY() + " w=" + w.getWidth() + " h=" + w.getHeight();
    }
}
