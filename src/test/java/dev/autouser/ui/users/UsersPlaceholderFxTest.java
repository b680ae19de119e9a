package dev.autouser.ui.users;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static dev.autouser.ui.users.TestUsers.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The empty Users table while the first listing is still running: it said "No auto-users match" for
 * over a minute on a loaded demo, as if the server had none. The listing is held here until the test
 * lets it run, so "still running" is a state, not a race.
 */
@ExtendWith(ApplicationExtension.class)
class UsersPlaceholderFxTest {
    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<Runnable> held = new ArrayList<>();
    private UsersViewModel model;

    @Start
    void start(Stage stage) {
        model = new UsersViewModel(this::next, new RecordingDialogs(), new FxExecutors(held::add, Runnable::run), at -> { });
        UsersView view = new UsersView(model, new UserActionsViewModel(null, new RecordingDialogs(), FxExecutors.direct(), () -> { }),
                () -> { });
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

    private String placeholder(FxRobot robot) {
        return robot.lookup("#usersPlaceholder").queryAs(Labeled.class).getText();
    }

    private void runHeld(FxRobot robot) {
        robot.interact(() -> {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        });
    }

    @Test
    void theEmptyTableSaysListingUntilTheFirstListingArrives(FxRobot robot) {
        robot.interact(model::refresh);
        assertEquals("Listing auto-users…", placeholder(robot));

        answers.add(listing());
        runHeld(robot);

        assertEquals("No auto-users match", placeholder(robot));
    }

    @Test
    void aFailedFirstListingIsNotCalledAnEmptyServer(FxRobot robot) {
        robot.interact(model::refresh);
        answers.add(new ConsoleException("The server at localhost:5432 does not answer."));

        runHeld(robot);

        assertEquals("Not listed yet: the listing failed (see the message above).", placeholder(robot));
    }
}
