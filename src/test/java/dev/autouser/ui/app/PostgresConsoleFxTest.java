package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.Engine;
import dev.autouser.testsupport.PostgresTarget;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.support.FxExecutors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console connected to a real PostgreSQL (the shared embedded server) through the Connect form,
 * as a DBA does with the files {@code tctl auth sign --format=db} writes: CA, certificate, key.
 */
@ExtendWith(ApplicationExtension.class)
class PostgresConsoleFxTest {
    @TempDir
    Path home;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
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
    void aPostgresqlUriWithTheDbaFilesConnectsAndTheStatusBarSaysPostgresql(FxRobot robot) {
        connectAsDba(robot);

        assertEquals(Engine.POSTGRESQL, onFx(() -> window.session().engine()));
        assertTrue(onFx(() -> window.session().mongo().isEmpty()));
        assertEquals(PostgresTarget.DBA, robot.lookup("#statusIdentity").queryAs(Labeled.class).getText());
        String version = robot.lookup("#statusServerVersion").queryAs(Labeled.class).getText();
        assertTrue(version.startsWith("PostgreSQL "), version);
    }

    @Test
    void mongodbOnlyPagesSaySoInsteadOfBreaking(FxRobot robot) {
        connectAsDba(robot);

        robot.clickOn("#navRoleMapping");
        waitFor(() -> robot.lookup("#otherEngineRoleMapping").tryQuery().isPresent());
        assertTrue(robot.lookup("#roleMappingView").tryQuery().isEmpty(), "no MongoDB role editor on PostgreSQL");
    }

    private void connectAsDba(FxRobot robot) {
        PostgresTarget target = PostgresTarget.shared();
        robot.clickOn("#welcomeNewConnectionButton");
        replaceText(robot, "#uriField", target.uri());
        paste(robot, "#caFileField", target.caFile().toString());
        paste(robot, "#certFileField", target.certFile(PostgresTarget.DBA).toString());
        paste(robot, "#keyFileField", target.keyFile(PostgresTarget.DBA).toString());
        robot.clickOn("#connectButton");
        waitFor(() -> onFx(() -> window.session() != null));
    }

    private static void paste(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.interact(() -> robot.lookup(field).queryTextInputControl().setText(text));
    }

    private static void replaceText(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Reading the window failed", e);
        }
    }

    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for the window", e);
        }
    }
}
