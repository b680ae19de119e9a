package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.core.ConsoleException;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.support.FxExecutors;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static dev.autouser.testsupport.FxSteps.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The console opens at its own size on a stage that was shown before at another size (TestFX's one
 * stage after a small chart test): it used to keep the old size, clamped to the 900x600 minimum,
 * where the PostgreSQL Connect form's button lies below the window.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowSizeFxTest {
    @TempDir
    Path home;
    private Stage stage;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 420, 260)); // an earlier, smaller window on the same stage
        stage.show();
        stage.hide();
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        window = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                new GatewayConnector(() -> { throw new ConsoleException("No demo in this test."); }));
        window.show(stage);
    }

    @AfterEach
    void stop() {
        window.close();
    }

    @Test
    void theConsoleOpensAt1280By800WhateverSizeTheStageHadBefore(FxRobot robot) {
        assertEquals(1280.0, onFx(() -> stage.getWidth()));
        assertEquals(800.0, onFx(() -> stage.getHeight()));
    }
}
