package dev.autouser.ui.app;

import dev.autouser.ui.shell.Page;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.ui.app.ScreenshotTour.shoot;
import static dev.autouser.ui.app.ScreenshotTour.waitUntil;

/**
 * The README's screenshots of the cleanup wizard on the GUI's PostgreSQL demo, in a real window (Xvfb), light
 * and dark: the criteria, and the plan for the locked roles with the objects of those that own some handed to
 * the connected role (the exact SQL shown). By state, not by age: the demo's history starts with the tour.
 * {@code --small} after the folder: a 1024x700 window (files end in {@code -1024}; run it on a 1024x700 screen).
 */
public final class PostgresCleanupScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(out);
        boolean small = List.of(args).contains("--small");
        String suffix = small ? "-1024" : "";
        ScreenshotTour.DemoWindow demo = PostgresScreenshotTour.openPostgresDemo("pg-cleanup-tour", args);
        Stage stage = demo.stage();
        ConsoleWindow window = demo.window();
        onFx(() -> { window.mainModel().show(Page.USERS); return null; });
        Thread.sleep(3000);
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            onFx(() -> { window.theme().darkProperty().set(dark); return null; });
            onFx(() -> { ((Button) stage.getScene().lookup("#cleanupButton")).fire(); return null; });
            waitUntil(() -> wizard() != null);
            Stage wizard = onFx(PostgresCleanupScreenshotTour::wizard);
            Thread.sleep(1200);
            shoot(wizard.getScene(), out.resolve("postgres-cleanup-criteria-" + theme + suffix + ".png"));
            onFx(() -> {
                ((RadioButton) wizard.getScene().lookup("#scopeLOCKED_ONLY")).fire();
                ((Button) wizard.getScene().lookup("#cleanupPlanButton")).fire();
                return null;
            });
            waitUntil(() -> wizard.getScene().lookup("#cleanupOwnersReassign") != null
                    && wizard.getScene().lookup("#cleanupOwnedObjects").isVisible());
            Thread.sleep(1200); // the default: owners stay locked, counted apart from the drops
            shoot(wizard.getScene(), out.resolve("postgres-cleanup-kept-" + theme + suffix + ".png"));
            onFx(() -> { // reassigning needs an explicit pick: none is preselected
                ((RadioButton) wizard.getScene().lookup("#cleanupOwnersReassign")).fire();
                ((javafx.scene.control.ComboBox<?>) wizard.getScene().lookup("#cleanupNewOwner")).getSelectionModel().select(0);
                return null;
            });
            waitUntil(() -> ((TextArea) wizard.getScene().lookup("#cleanupCommands")).getText().contains("REASSIGN OWNED"));
            onFx(() -> { // the statements that hand the first owner's objects to the chosen role, in view
                TextArea commands = (TextArea) wizard.getScene().lookup("#cleanupCommands");
                int at = commands.getText().indexOf("\\connect");
                commands.requestFocus();
                commands.selectRange(at, commands.getText().indexOf('\n', commands.getText().indexOf("REASSIGN OWNED", at)));
                return null;
            });
            Thread.sleep(1200);
            shoot(wizard.getScene(), out.resolve("postgres-cleanup-" + theme + suffix + ".png"));
            onFx(() -> { wizard.close(); return null; });
            Thread.sleep(500);
        }
        demo.close();
    }

    /** The cleanup wizard's window, once open. */
    private static Stage wizard() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getScene() != null
                && s.getScene().lookup("#cleanupWizard") != null).map(w -> (Stage) w).findFirst().orElse(null);
    }
}
