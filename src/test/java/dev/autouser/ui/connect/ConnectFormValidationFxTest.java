package dev.autouser.ui.connect;

import atlantafx.base.theme.Styles;
import dev.autouser.core.mongo.AuthMechanism;
import dev.autouser.core.mongo.ClientSettingsFactory;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.ProfileStore;
import dev.autouser.ui.support.ConsoleSession;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import dev.autouser.ui.support.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connect form marks what a connection would fail on, and says why, before anything is sent. */
@ExtendWith(ApplicationExtension.class)
class ConnectFormValidationFxTest {
    @TempDir
    static Path dir;
    private ConnectViewModel model;

    @Start
    void start(Stage stage) {
        new Theme(false);
        model = new ConnectViewModel(new ProfileStore(dir.resolve("profiles.json")), new Connector() {
            @Override
            public ConsoleSession connect(dev.autouser.core.mongo.ConnectionProfile profile, char[] password) {
                throw new AssertionError("nothing is sent while typing");
            }

            @Override
            public ConsoleSession startDemo() {
                throw new AssertionError("no demo here");
            }
        }, new RecordingDialogs(), FxExecutors.direct(), session -> { });
        Scene scene = new Scene(new ConnectView(model), 1024, 700);
        model.newConnection(); // past the first-run welcome, to a blank X.509 form
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aMissingCaFileIsMarkedAndNamedUntilItExists(FxRobot robot) throws Exception {
        robot.clickOn("#caFileField").write(dir.resolve("nope-ca.pem").toString());
        WaitForAsyncUtils.waitForFxEvents();

        TextField ca = robot.lookup("#caFileField").queryAs(TextField.class);
        assertTrue(ca.getPseudoClassStates().contains(Styles.STATE_DANGER));
        assertTrue(problems(robot).contains("TLS CA file: no such file, " + dir.resolve("nope-ca.pem") + "."),
                problems(robot));

        Path real = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        robot.interact(() -> model.caFileProperty().set(real.toString()));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(ca.getPseudoClassStates().contains(Styles.STATE_DANGER));
        assertFalse(problems(robot).contains("TLS CA file"), problems(robot));
    }

    @Test
    void x509WithoutACertificateIsAWarningThatScramDoesNotHave(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TextField cert = robot.lookup("#certFileField").queryAs(TextField.class);
        assertTrue(cert.getPseudoClassStates().contains(Styles.STATE_WARNING), cert.getPseudoClassStates() + " / " + problems(robot) + " / " + model.authProperty().get() + " / [" + cert.getText() + "]");
        assertTrue(problems(robot).startsWith("X.509 authentication needs a client certificate"), problems(robot));

        robot.interact(() -> model.authProperty().set(AuthMechanism.SCRAM));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(cert.getPseudoClassStates().contains(Styles.STATE_WARNING));
        assertFalse(robot.lookup("#formProblems").queryAs(Label.class).isVisible());
    }

    @Test
    void aUriTheDriverRefusesIsMarkedWithTheSentenceAConnectAttemptWouldGive(FxRobot robot) {
        String bad = "mongodb://db1:notaport/?tls=true";
        String sentence = assertThrows(ConsoleException.class, () -> ClientSettingsFactory.checkUri(bad)).getMessage();

        robot.interact(() -> model.uriProperty().set(bad));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#uriField").queryAs(TextField.class).getPseudoClassStates().contains(Styles.STATE_DANGER));
        assertTrue(problems(robot).contains(sentence), problems(robot));

        robot.interact(() -> model.uriProperty().set("postgresql://pg.example.com:5432/postgres?sslmode=verify-full"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(problems(robot).contains(sentence), "a PostgreSQL URI is its engine's to check");
    }

    private static String problems(FxRobot robot) {
        Label label = robot.lookup("#formProblems").queryAs(Label.class);
        return label.isVisible() ? label.getText() : "";
    }
}
