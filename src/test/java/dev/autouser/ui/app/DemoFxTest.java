package dev.autouser.ui.app;

import dev.autouser.ui.support.FxExecutors;
import dev.autouser.core.AppDirs;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.sandbox.SandboxServer;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Demo server" entry starts the embedded sandbox with demo users and opens the users page. */
@ExtendWith(ApplicationExtension.class)
class DemoFxTest {
    @TempDir
    Path home;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        // A long activity tick keeps the demo's sessions still while the test reads them.
        window = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                new GatewayConnector(() -> DemoLauncher.start(new RunningDemo.Settings(dirs.demoPki(), 0,
                        DemoData.Options.demo(), SandboxServer.DEFAULT_VERSION, Duration.ofHours(1)))));
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void demoServerButtonConnectsToTheLiveDemo(FxRobot robot) throws Exception {
        robot.clickOn("#demoServerButton");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#usersTable").tryQuery()
                .map(table -> !((TableView<?>) table).getItems().isEmpty()).orElse(false));
        assertTrue(robot.lookup("#statusServer").queryAs(Labeled.class).getText().startsWith("Demo server"));
        assertTrue(robot.lookup("#countActive").queryAs(Labeled.class).getText().matches("[1-9]\\d* Active"),
                robot.lookup("#countActive").queryAs(Labeled.class).getText());
        assertTrue(robot.lookup("#countLocked").queryAs(Labeled.class).getText().matches("[1-9]\\d* Locked"));
    }
}
