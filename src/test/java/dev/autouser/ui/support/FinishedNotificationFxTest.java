package dev.autouser.ui.support;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finished background work shows a ControlsFX notification with its counts over the window, and a status note. */
@ExtendWith(ApplicationExtension.class)
class FinishedNotificationFxTest {
    private final List<String> statusNotes = new ArrayList<>();
    private FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new StackPane(), 1024, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
        dialogs = new FxDialogService(() -> stage, statusNotes::add);
    }

    @Test
    void aFinishedLockShowsItsTitleAndCounts(FxRobot robot) throws Exception {
        Platform.runLater(() -> dialogs.finished("Lock finished", "3 done, 0 skipped, 0 failed.", false));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !texts(robot, "3 done, 0 skipped, 0 failed.").isEmpty());
        assertTrue(!texts(robot, "Lock finished").isEmpty(), "the title names the work");
        assertEquals(List.of("3 done, 0 skipped, 0 failed."), statusNotes, "the status bar keeps the note too");
    }

    private static Set<Node> texts(FxRobot robot, String text) {
        return robot.lookup(node -> node instanceof Labeled labeled && text.equals(labeled.getText())).queryAll();
    }
}
