package dev.autouser.ui.app;

import dev.autouser.ui.shell.Page;
import dev.autouser.ui.support.Truncation;
import javafx.scene.Parent;
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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 9's layout report at 1024x700 ("Auto-…", Role mapping buttons reading "A…"): on every page,
 * no label, button or table column header shows less than its text (compared with what the skin renders).
 */
@ExtendWith(ApplicationExtension.class)
class LayoutFxTest {
    @TempDir
    Path home;
    private ConsoleWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = DemoConsole.open(stage, home, Duration.ofHours(1));
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void noMainControlIsTruncatedAt1024By700OnAnyPage(FxRobot robot) throws Exception {
        DemoConsole.connect(robot);
        List<String> cut = new ArrayList<>();
        for (Page page : new Page[] {Page.USERS, Page.ADMIN_SETUP, Page.ROLE_MAPPING, Page.AUDIT, Page.CONNECT}) {
            robot.interact(() -> window.mainModel().show(page));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> stage.getScene().getRoot().layout());
            Parent root = stage.getScene().getRoot();
            Truncation.truncatedUnder(root).forEach(what -> cut.add(page + " " + what));
            Truncation.truncatedHeadersUnder(root).forEach(what -> cut.add(page + " " + what));
            if (page == Page.USERS) { // every column reachable: when they do not fit, the table scrolls sideways
                javafx.scene.control.TableView<?> table = (javafx.scene.control.TableView<?>) root.lookup("#usersTable");
                double columns = table.getVisibleLeafColumns().stream().mapToDouble(c -> c.getWidth()).sum();
                boolean scrolls = table.lookupAll(".scroll-bar").stream().anyMatch(bar -> bar.isVisible()
                        && ((javafx.scene.control.ScrollBar) bar).getOrientation() == javafx.geometry.Orientation.HORIZONTAL);
                if (columns > table.getWidth() && !scrolls) {
                    cut.add("USERS columns " + Math.round(columns) + " px wide in a " + Math.round(table.getWidth())
                            + " px table without a scroll bar");
                }
            }
        }
        // The role mapping's second tab: the simulation's warning and "Simulate as" row.
        robot.interact(() -> window.mainModel().show(Page.ROLE_MAPPING));
        robot.interact(() -> ((javafx.scene.control.TabPane) stage.getScene().lookup("#roleTabs")).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        Truncation.truncatedUnder(stage.getScene().getRoot()).forEach(what -> cut.add("ROLE_MAPPING preview " + what));
        assertEquals(List.of(), cut);
    }
}
