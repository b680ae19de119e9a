package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.sandbox.postgres.RunningPostgresDemo;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.connect.PostgresDemoLauncher;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.users.UserRow;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.autouser.testsupport.FxSteps.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GUI demo's PostgreSQL choice: the real embedded PostgreSQL demo starts, the console connects as its
 * DBA and lists Teleport's auto-users live in every state; closing the window stops the server.
 */
@ExtendWith(ApplicationExtension.class)
class PostgresDemoFxTest {
    @TempDir
    Path home;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        // A long tick: the demo's first sessions stay while the test reads the table.
        window = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                new GatewayConnector(() -> { throw new ConsoleException("No MongoDB demo in this test."); },
                        () -> PostgresDemoLauncher.start(new RunningPostgresDemo.Settings(dirs.demoPki(), 0,
                                Duration.ofHours(1)))));
        window.show(stage);
    }

    @Test
    void thePostgresqlDemoShowsItsAutoUsersInEveryStateAndStopsWithTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#welcomePostgresDemoButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#usersTable").tryQuery()
                .map(table -> !((TableView<?>) table).getItems().isEmpty()).orElse(false));

        assertEquals(Engine.POSTGRESQL, onFx(() -> window.session().engine()));
        Set<UserState> states = onFx(() -> table(robot).getItems().stream().map(UserRow::state)
                .collect(Collectors.toSet()));
        assertEquals(Set.of(UserState.ACTIVE, UserState.NOT_CLEANED_UP, UserState.LOCKED), states);
        RunningPostgresDemo demo = (RunningPostgresDemo) window.session().ownedServer().orElseThrow();
        int port = demo.server().port();
        assertTrue(answers(port));

        robot.interact(window::close);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !answers(port));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<UserRow> table(FxRobot robot) {
        return (TableView<UserRow>) (Node) robot.lookup("#usersTable").queryTableView();
    }
}
