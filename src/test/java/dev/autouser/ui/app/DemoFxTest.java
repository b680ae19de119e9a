package dev.autouser.ui.app;

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
}
