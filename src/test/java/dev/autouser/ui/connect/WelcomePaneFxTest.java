package dev.autouser.ui.connect;

import dev.autouser.core.mongo.ProfileStore;
import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.support.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first-run welcome speaks to a PostgreSQL DBA as well as a MongoDB one (it spoke only of MongoDB). */
@ExtendWith(ApplicationExtension.class)
class WelcomePaneFxTest {
    @Start
    void start(Stage stage) throws Exception {
        new Theme(false);
        ConnectViewModel model = new ConnectViewModel(new ProfileStore(Files.createTempDirectory("welcome").resolve("profiles.json")),
                new Connector() {
                    @Override
                    public ConsoleSession connect(dev.autouser.core.mongo.ConnectionProfile profile, char[] password) {
                        throw new AssertionError("nothing is sent from the welcome");
                    }

                    @Override
                    public ConsoleSession startDemo() {
                        throw new AssertionError("no demo here");
                    }
                }, new RecordingDialogs(), FxExecutors.direct(), session -> { });
        Scene scene = new Scene(new ConnectView(model), 1024, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theWelcomeAndNewConnectionNameBothEngines(FxRobot robot) {
        String purpose = robot.lookup("#welcomePurpose").queryAs(Label.class).getText();
        String connect = robot.lookup("#welcomeConnectHint").queryAs(Label.class).getText();

        assertTrue(purpose.contains("on MongoDB (CN=<name> in $external") && purpose.contains("on PostgreSQL (roles in the"
                + " teleport-auto-user group)"), purpose);
        assertTrue(connect.contains("a mongodb:// URI") && connect.contains("tctl auth sign --format=mongodb"), connect);
        assertTrue(connect.contains("a postgresql:// URI") && connect.contains("tctl auth sign --format=db"), connect);
    }
}
