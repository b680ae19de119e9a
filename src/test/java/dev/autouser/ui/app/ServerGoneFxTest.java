package dev.autouser.ui.app;

import dev.autouser.sandbox.RunningDemo;
import dev.autouser.testsupport.FxSteps;
import dev.autouser.ui.shell.Page;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo server stops answering while the console shows another page than Users: every page
 * says so and marks what it shows as possibly out of date; the Connect page stops saying
 * "Connected". When the server is back, every page recovers on its own.
 */
@ExtendWith(ApplicationExtension.class)
class ServerGoneFxTest {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    @TempDir
    Path home;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = DemoConsole.open(stage, home, Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void everyPageSaysTheServerIsGoneAndRecoversWhenItIsBack(FxRobot robot) throws Exception {
        DemoConsole.connect(robot);
        show(robot, Page.ADMIN_SETUP);
        robot.clickOn("#verifyButton");
        waitFor(() -> text(robot, "#statusLabel").contains("finding"));
        show(robot, Page.ROLE_MAPPING);
        waitFor(() -> !text(robot, "#summaryLabel").isEmpty());
        show(robot, Page.AUDIT); // the users page's own refresh timer does not run from here
        RunningDemo demo = (RunningDemo) window.session().ownedServer().orElseThrow();

        // when
        demo.cluster().nodes().forEach(node -> node.suspend());

        // then
        waitFor(() -> banner(robot).isVisible());
        for (Page page : Page.values()) {
            show(robot, page);
            assertTrue(banner(robot).isVisible(), page + ": no banner");
            assertTrue(bannerText(robot).contains(page.whileServerIsGone()), page + ": " + bannerText(robot));
        }
        show(robot, Page.USERS);
        assertTrue(stale(robot, "#usersTable"), "users rows are not marked stale");
        assertFalse(robot.lookup("#refreshErrorBanner").query().isVisible(), "said twice on the users page");
        show(robot, Page.ADMIN_SETUP);
        assertTrue(text(robot, "#statusLabel").contains("may be out of date"), text(robot, "#statusLabel"));
        assertTrue(stale(robot, "#findingList"), "findings are not marked stale");
        show(robot, Page.ROLE_MAPPING);
        assertTrue(text(robot, "#summaryLabel").contains("may be out of date"), text(robot, "#summaryLabel"));
        show(robot, Page.CONNECT);
        assertFalse(text(robot, "#resultLabel").startsWith("Connected"), text(robot, "#resultLabel"));
        assertTrue(text(robot, "#resultLabel").startsWith("Not answering"), text(robot, "#resultLabel"));

        // when the server is back
        demo.cluster().nodes().forEach(node -> node.resume());

        // then every page recovers on its own
        waitFor(() -> !banner(robot).isVisible());
        assertTrue(text(robot, "#resultLabel").endsWith("The server answers again."), text(robot, "#resultLabel"));
        show(robot, Page.ADMIN_SETUP);
        waitFor(() -> text(robot, "#statusLabel").contains("finding") && !stale(robot, "#findingList"));
        show(robot, Page.ROLE_MAPPING);
        waitFor(() -> !text(robot, "#summaryLabel").contains("out of date"));
        show(robot, Page.USERS);
        waitFor(() -> !stale(robot, "#usersTable"));
        for (Page page : Page.values()) {
            show(robot, page);
            assertFalse(banner(robot).isVisible(), page + ": banner still shown");
        }
    }

    private void show(FxRobot robot, Page page) {
        robot.interact(() -> window.mainModel().show(page));
    }

    private static Node banner(FxRobot robot) {
        return robot.lookup("#serverGoneBanner").query();
    }

    private static String bannerText(FxRobot robot) {
        return ((atlantafx.base.controls.Message) banner(robot)).getDescription();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    private static boolean stale(FxRobot robot, String id) {
        return robot.lookup(id).query().getPseudoClassStates().contains(STALE);
    }

    /** Bounds a hang only: the console checks the server every 5 s, the driver waits 5 s for an answer. */
    private static void waitFor(Callable<Boolean> condition) {
        FxSteps.waitFor(90, condition);
    }
}
