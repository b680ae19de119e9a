package dev.autouser.ui.app;

import dev.autouser.ui.users.UserRow;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
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
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.testsupport.FxSteps.usersTable;
import static dev.autouser.testsupport.FxSteps.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9's report, replayed: the demo's sessions churn every few hundred milliseconds, the page
 * refreshes every second with the Not cleaned up filter on, and the DBA clicks a user. Through many refreshes
 * the highlighted row and the detail pane stay on that user (or the user is deselected and the page
 * says so), and Ctrl+L offers to lock exactly that user.
 */
@ExtendWith(ApplicationExtension.class)
class DemoSelectionFxTest {
    private static final int REFRESHES = 12;

    @TempDir
    Path home;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = DemoConsole.open(stage, home, Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void theClickedUserStaysSelectedThroughChurningRefreshesAndCtrlLOffersExactlyThatUser(FxRobot robot) throws Exception {
        DemoConsole.connect(robot);
        robot.interact(() -> robot.lookup("#refreshSecondsSpinner").<Spinner<Integer>>query().getValueFactory().setValue(1));
        robot.clickOn("#countNotCleanedUp");
        String chosen = clickARow(robot);

        Set<String> refreshes = new HashSet<>();
        while (refreshes.size() < REFRESHES) {
            WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
            refreshes.add(onFx(() -> window.mainModel().lastRefreshProperty().get()));
            Seen seen = onFx(() -> look(robot));
            if (seen.selected().isEmpty()) {
                assertEquals(Optional.empty(), seen.detail(), "nothing selected, no details");
                assertTrue(seen.info().contains("Deselected: " + chosen), seen.info());
            } else {
                assertEquals(List.of(chosen), seen.selected(), "the table never selects a neighbour");
                assertEquals(Optional.of(chosen), seen.detail(), "the detail pane shows the selected user");
            }
        }

        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#confirmSubjects").tryQuery().isPresent()
                || robot.lookup(".dialog-pane").tryQuery().isPresent());
        Optional<Labeled> subjects = robot.lookup("#confirmSubjects").tryQuery().map(Labeled.class::cast);
        String dialog = onFx(() -> robot.lookup(".dialog-pane").<javafx.scene.control.DialogPane>query().getHeaderText());
        if (subjects.isPresent()) {
            assertEquals(chosen, subjects.get().getText(), dialog);
            robot.clickOn("#confirmCancelButton");
        } else {
            // Deselected or refused by the server's re-check: the dialog names that user, and no other.
            assertTrue(dialog.contains(chosen), dialog);
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        }
    }

    /**
     * Clicks a row holding a user and returns the user it selected. With sessions churning every 300 ms a
     * refresh can deselect that user, or empty the row, before the test reads it: click again.
     */
    private String clickARow(FxRobot robot) {
        for (int attempt = 0; attempt < 10; attempt++) {
            // The table's top row: the first row cell in the scene graph can be a recycled cell further down,
            // laid out below the table's visible area, where a click lands on whatever is beneath the table.
            Node row = onFx(() -> robot.from(usersTable(robot)).lookup(".table-row-cell")
                    .match((javafx.scene.control.TableRow<?> r) -> !r.isEmpty() && r.isVisible())
                    .<javafx.scene.control.TableRow<?>>queryAll().stream()
                    .min(java.util.Comparator.comparingInt(javafx.scene.control.TableRow::getIndex)).orElseThrow());
            robot.clickOn(row);
            Seen seen = onFx(() -> look(robot));
            if (seen.selected().size() == 1) {
                return seen.selected().get(0);
            }
            // Nothing selected: a refresh deselected the user (the page says so) or emptied the row under the pointer.
        }
        throw new AssertionError("ten clicks in a row were undone by refreshes");
    }

    private record Seen(List<String> selected, Optional<String> detail, String info) {
    }

    private Seen look(FxRobot robot) {
        List<String> selected = usersTable(robot).getSelectionModel().getSelectedItems().stream().map(UserRow::mongoName).toList();
        Optional<String> detail = robot.lookup("#detailName").tryQuery()
                .map(node -> "CN=" + ((Labeled) node).getText());
        return new Seen(selected, detail, robot.lookup("#selectionInfo").queryAs(Labeled.class).getText());
    }
}
