package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.sandbox.SandboxServer;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.support.FxExecutors;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The console window on a TestFX stage whose "Demo server" starts the demo with a chosen activity tick. */
final class DemoConsole {
    private DemoConsole() {
    }

    /** {@code tick}: how often the demo's sessions change (long keeps them still, short makes them churn). */
    static ConsoleWindow open(Stage stage, Path home, Duration tick) {
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        ConsoleWindow window = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                new GatewayConnector(() -> DemoLauncher.start(new RunningDemo.Settings(dirs.demoPki(), 0,
                        DemoData.Options.demo(), SandboxServer.DEFAULT_VERSION, tick))));
        window.show(stage);
        return window;
    }

    /** Presses "Demo server" and waits for the users table and its counts to fill. */
    static void connect(FxRobot robot) throws TimeoutException {
        robot.clickOn("#demoServerButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#usersTable").tryQuery()
                .map(table -> !((TableView<?>) table).getItems().isEmpty()).orElse(false));
        // The counts follow the rows within the same FX-thread step; wait until that step is over.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#countTotal").tryQuery()
                .map(chip -> !((javafx.scene.control.Labeled) chip).getText().startsWith("–")).orElse(false));
    }
}
