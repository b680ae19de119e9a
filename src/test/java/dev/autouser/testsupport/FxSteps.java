package dev.autouser.testsupport;

import dev.autouser.ui.users.UserRow;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The steps FX tests share: read the window on the FX thread, wait for it to show something, and
 * type or paste into a field as a person would. The bounds only keep a broken window from hanging
 * the build; they are generous because the machine's load varies wildly, and no test measures time.
 */
public final class FxSteps {
    /** How long a read on the FX thread may take before the test fails instead of hanging. */
    private static final long FX_ANSWER_SECONDS = 30;
    /** How long {@link #waitFor(Callable)} waits for the window before the test fails. */
    private static final long WINDOW_SECONDS = 60;

    private FxSteps() {
    }

    /** Runs {@code read} on the FX thread and returns its result (scene-graph state is only safe to read there). */
    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.waitFor(FX_ANSWER_SECONDS, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(read));
        } catch (TimeoutException e) {
            throw new AssertionError("The FX thread did not answer within " + FX_ANSWER_SECONDS + " s", e);
        } catch (RuntimeException e) {
            throw new AssertionError("Reading the window failed", e);
        }
    }

    /** Runs {@code action} on the FX thread and returns once it has run. */
    public static void onFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition} holds, for at most a minute. */
    public static void waitFor(Callable<Boolean> condition) {
        waitFor(WINDOW_SECONDS, condition);
    }

    /** Waits until {@code condition} holds, for at most {@code seconds} (for work known to take longer). */
    public static void waitFor(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting for the window", e);
        }
    }

    /** Select all, then type over it, as a person would. */
    public static void replaceText(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    /** Sets a field's text after clicking it: file fields are pasted, as Browse opens a native chooser. */
    public static void paste(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.interact(() -> robot.lookup(field).queryTextInputControl().setText(text));
    }

    /**
     * Fills the Connect form for {@code role} on {@code target} with the files {@code tctl auth sign --format=db}
     * writes (CA, certificate, key), from the welcome card; the caller clicks Connect.
     */
    public static void fillPostgresConnectForm(FxRobot robot, PostgresTarget target, String role) {
        robot.clickOn("#welcomeNewConnectionButton");
        replaceText(robot, "#uriField", target.uri());
        paste(robot, "#caFileField", target.caFile().toString());
        paste(robot, "#certFileField", target.certFile(role).toString());
        paste(robot, "#keyFileField", target.keyFile(role).toString());
    }

    /** The Users page's table. */
    @SuppressWarnings("unchecked")
    public static TableView<UserRow> usersTable(FxRobot robot) {
        return (TableView<UserRow>) (Node) robot.lookup("#usersTable").queryTableView();
    }

    /** Clicks the Users table's top row, as a person selects a user, and waits until one row is selected. */
    public static void clickTopRow(FxRobot robot) {
        // Cells are recycled: pick the row cell that shows index 0, not the first cell node.
        Node first = robot.lookup("#usersTable .table-row-cell")
                .match((TableRow<?> row) -> row.getIndex() == 0 && row.getItem() != null)
                .query();
        robot.clickOn(first);
        waitFor(() -> onFx(() -> usersTable(robot).getSelectionModel().getSelectedItems().size() == 1));
    }
}
