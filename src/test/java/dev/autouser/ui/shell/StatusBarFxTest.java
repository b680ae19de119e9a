package dev.autouser.ui.shell;

import dev.autouser.ui.support.Theme;
import dev.autouser.ui.support.Truncation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status bar at 1024 px: a long notice never hides the server or identity; a paused refresh shows on every page. */
@ExtendWith(ApplicationExtension.class)
class StatusBarFxTest {
    private final MainViewModel model = new MainViewModel("test");

    @Start
    void start(Stage stage) {
        MainView view = new MainView(model, new Theme(false), page -> new Label(page.name()));
        Scene scene = new Scene(view, 1024, 700);
        Theme.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aLongNoticeGivesWayToTheServerAndIdentity(FxRobot robot) {
        robot.interact(() -> {
            model.connected("Demo server · localhost:27018", "CN=dba@$external (X.509)", "MongoDB 7.0.14");
            model.notice("Locked 27 users: CN=remote-alice-root-eu, CN=remote-bob-root-eu, CN=carol, CN=dave, "
                    + "CN=erin, CN=frank, CN=grace, CN=heidi, CN=ivan, CN=judy, CN=mallory and 16 more.");
        });

        for (String id : new String[] {"#statusServer", "#statusIdentity", "#statusServerVersion"}) {
            Labeled field = robot.lookup(id).queryAs(Labeled.class);
            assertFalse(Truncation.isTruncated(field), id + " cut by the notice: " + field.getText());
        }
    }

    @Test
    void aReplicaSetsServerLineAndMemberAnswersFitAt1024(FxRobot robot) {
        robot.interact(() -> {
            model.connected("Demo server · localhost:36517,localhost:42255,localhost:43085 (replica set primary)",
                    "CN=dba@$external", "MongoDB 7.0.14");
            model.topology("3/3 members answered");
            model.refreshedAt(java.time.Instant.parse("2026-12-01T21:40:16Z"));
        });

        for (String id : new String[] {"#statusServer", "#statusIdentity", "#statusServerVersion", "#statusTopology",
                "#statusLastRefresh"}) {
            Labeled field = robot.lookup(id).queryAs(Labeled.class);
            assertTrue(field.isVisible(), id);
            assertFalse(Truncation.isTruncated(field), id + " cut: " + field.getText());
        }
        Labeled server = robot.lookup("#statusServer").queryAs(Labeled.class);
        assertTrue(server.getText().equals("Demo server · localhost:36517 +2"), server.getText());
        assertTrue(server.getTooltip().getText().contains("localhost:43085"), "every host in the tooltip");
    }

    @Test
    void aPausedRefreshIsVisibleOnEveryPage(FxRobot robot) {
        robot.interact(() -> {
            model.connected("Demo server · localhost:27018", "CN=dba@$external (X.509)", "MongoDB 7.0.14");
            model.refreshPausedProperty().set(true);
        });

        for (Page page : new Page[] {Page.USERS, Page.AUDIT, Page.ROLE_MAPPING, Page.CONNECT}) {
            robot.interact(() -> model.show(page));
            Labeled paused = robot.lookup("#statusPaused").queryAs(Labeled.class);
            assertTrue(paused.isVisible() && paused.getText().contains("paused"), page + ": " + paused.getText());
            assertFalse(Truncation.isTruncated(paused));
        }
    }

    @Test
    void aServerThatStoppedAnsweringIsNamedOnEveryPage(FxRobot robot) {
        robot.interact(() -> {
            model.connected("Demo server · localhost:27018", "CN=dba@$external (X.509)", "MongoDB 7.0.14");
            model.serverTrouble("The server at localhost:27018 does not answer.");
        });

        for (Page page : new Page[] {Page.USERS, Page.ADMIN_SETUP, Page.AUDIT, Page.CONNECT}) {
            robot.interact(() -> model.show(page));
            Labeled trouble = robot.lookup("#statusServerTrouble").queryAs(Labeled.class);
            assertTrue(trouble.isVisible(), page.toString());
            assertTrue(trouble.getTooltip().getText().contains("does not answer"));
        }
        robot.interact(() -> model.serverTrouble(""));
        assertTrue(!robot.lookup("#statusServerTrouble").query().isVisible(), "gone once a refresh succeeds");
    }
}
