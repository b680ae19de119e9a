package dev.autouser.ui.users;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayDeque;
import java.util.Deque;

import static dev.autouser.ui.users.TestUsers.notCleanedUp;
import static dev.autouser.ui.users.TestUsers.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The users page header when listing is refused, after a failed refresh, and the refresh-interval field. */
@ExtendWith(ApplicationExtension.class)
class UsersHeaderFxTest {
    private final Deque<Object> answers = new ArrayDeque<>();
    private UsersViewModel model;
    private UsersView view;

    @Start
    void start(Stage stage) {
        answers.add(new ConsoleException("You are not allowed to list users: not authorized on $external to execute command usersInfo (13)"));
        model = new UsersViewModel(this::next, new RecordingDialogs(), FxExecutors.direct(), at -> { });
        view = new UsersView(model, new UserActionsViewModel(null, new RecordingDialogs(), FxExecutors.direct(), () -> { }), () -> { });
        view.dispose();
        stage.setScene(new Scene(view, 1024, 700));
        stage.show();
    }

    private AutoUserListing next() {
        Object answer = answers.removeFirst();
        if (answer instanceof RuntimeException failure) {
            throw failure;
        }
        return (AutoUserListing) answer;
    }

    @Test
    void aRefusedListingNeverShowsZeroTotalAsAFact(FxRobot robot) {
        assertEquals("– Total", robot.lookup("#countTotal").queryAs(Labeled.class).getText());
        assertEquals("– Locked", robot.lookup("#countLocked").queryAs(Labeled.class).getText());
        assertTrue(robot.lookup("#refreshErrorBanner").query().isVisible());
    }

    @Test
    void rowsFromBeforeAFailedRefreshAreMarkedStale(FxRobot robot) {
        answers.add(listing(notCleanedUp("alice"), notCleanedUp("bob")));
        robot.interact(model::refresh);
        assertEquals("2 Total", robot.lookup("#countTotal").queryAs(Labeled.class).getText());
        answers.add(new ConsoleException("The server at localhost:27018 does not answer."));

        robot.interact(model::autoRefresh);

        assertTrue(view.table().getPseudoClassStates().contains(PseudoClass.getPseudoClass("stale")));
        String banner = robot.lookup("#refreshErrorBanner").queryAs(atlantafx.base.controls.Message.class).getDescription();
        assertTrue(banner.startsWith("The server at localhost:27018 does not answer.") && banner.contains("may be out of date"), banner);
    }

    @Test
    void theRefreshIntervalTakesOnlyDigits(FxRobot robot) {
        Spinner<?> seconds = robot.lookup("#refreshSecondsSpinner").query();
        robot.interact(() -> seconds.getEditor().clear());
        robot.clickOn(seconds.getEditor()).write("1x0s");

        assertEquals("10", seconds.getEditor().getText());
    }
}
