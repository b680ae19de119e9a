package dev.autouser.ui.app;

import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.testfx.util.WaitForAsyncUtils;
import java.util.concurrent.TimeUnit;
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

import static dev.autouser.testsupport.FxSteps.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Demo server" entry starts the embedded sandbox with demo users and opens the users page. */
@ExtendWith(ApplicationExtension.class)
class DemoFxTest {
    @TempDir
    Path home;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        // A long activity tick keeps the demo's sessions still while the test reads them.
        window = DemoConsole.open(stage, home, Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void demoServerButtonConnectsToTheLiveDemo(FxRobot robot) throws Exception {
        DemoConsole.connect(robot);
        assertTrue(robot.lookup("#statusServer").queryAs(Labeled.class).getText().startsWith("Demo server"));
        assertTrue(robot.lookup("#countActive").queryAs(Labeled.class).getText().matches("[1-9]\\d* Active"),
                robot.lookup("#countActive").queryAs(Labeled.class).getText());
        assertTrue(robot.lookup("#countLocked").queryAs(Labeled.class).getText().matches("[1-9]\\d* Locked"));
    }

    @Test
    void connectOnTheDemoProfileKeepsTheRunningDemoAndItsUsers(FxRobot robot) throws Exception {
        DemoConsole.connect(robot);
        robot.interact(() -> window.mainModel().show(dev.autouser.ui.shell.Page.CONNECT));

        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#usersTable").tryQuery()
                .map(table -> !((TableView<?>) table).getItems().isEmpty()).orElse(false));
        // The old session closes in the background: list a few times, a second apart, to see the demo after that close.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.session() != null);
        var gateway = onFx(() -> window.session().mongo().orElseThrow().gateway());
        dev.autouser.core.provisioning.AutoUserListing listing = null;
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
            listing = new dev.autouser.core.provisioning.AutoUserLister(gateway).list();
        }

        assertTrue(listing != null && !listing.users().isEmpty(), "the demo still answers after Connect");
        assertTrue(robot.lookup("#statusServer").queryAs(Labeled.class).getText().startsWith("Demo server"));
    }

    @Test
    void theDemosSimulationIsOfferedAsTeleportsAdmin(FxRobot robot) throws Exception {
        DemoConsole.connect(robot);

        robot.interact(() -> window.mainModel().show(dev.autouser.ui.shell.Page.ROLE_MAPPING));

        String as = robot.lookup("#simulateAsField").queryAs(javafx.scene.control.TextField.class).getText();
        assertTrue(as.endsWith("teleport-admin.pem") && java.nio.file.Files.isRegularFile(Path.of(as)), as);
    }

    @Test
    void roleMappingEditsSurviveAReconnect(FxRobot robot) throws Exception {
        DemoConsole.connect(robot);
        robot.interact(() -> window.mainModel().show(dev.autouser.ui.shell.Page.ROLE_MAPPING));
        robot.clickOn("#newAllowField").write("read@reporting", 0).type(javafx.scene.input.KeyCode.ENTER);
        robot.interact(() -> window.mainModel().show(dev.autouser.ui.shell.Page.CONNECT));

        robot.clickOn("#connectButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#usersTable").tryQuery().isPresent());
        robot.interact(() -> window.mainModel().show(dev.autouser.ui.shell.Page.ROLE_MAPPING));

        javafx.scene.control.ListView<String> allow = robot.lookup("#allowList").queryListView();
        assertTrue(allow.getItems().contains("read@reporting"), allow.getItems().toString());
    }
}
