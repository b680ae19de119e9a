package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.ui.cleanup.CleanupViewModel;
import dev.autouser.ui.cleanup.CleanupWizard;
import dev.autouser.ui.support.Confirmation;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.audit.AuditLog;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.ui.app.ScreenshotTour.shoot;
import static dev.autouser.ui.app.ScreenshotTour.waitUntil;

/**
 * Screenshots of the override with a replica-set member down: the Drop dialog's checkbox and the
 * cleanup wizard's plan page, light and dark ({@code --small}: 1024x700). Run like {@link ScreenshotTour}.
 */
public final class OverrideScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(out);
        ScreenshotTour.DemoWindow opened = ScreenshotTour.openDemo("override-tour", RunningDemo.Shape.replicaSet(3), args);
        ConsoleWindow window = opened.window();
        Stage stage = opened.stage();
        AppDirs dirs = opened.dirs();
        RunningDemo demo = (RunningDemo) window.session().ownedServer().orElseThrow();
        int down = (demo.cluster().primaryIndex() + 1) % demo.cluster().nodes().size();
        String host = demo.cluster().hosts().get(down);
        demo.cluster().stop(down);
        Thread.sleep(2500);
        UserCleanup cleanup = new UserCleanup(window.session().mongo().orElseThrow().gateway(), new AuditLog(dirs.auditLog()));
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            onFx(() -> { window.theme().darkProperty().set(dark); return null; });
            Thread.sleep(600);
            // The dialog the Users page shows for a Drop refused because the member is down.
            Platform.runLater(() -> window.dialogs().confirm(new Confirmation("Drop auto-users",
                    "The sessions on " + host + " cannot be checked. Drop CN=ivan? Each user is locked first, checked"
                            + " for new connections, then dropped.", List.of("CN=ivan"),
                    "db.getSiblingDB(\"$external\").runCommand({updateUser: \"CN=ivan\", roles: [], authenticationRestrictions:"
                            + " [{clientSource: [\"0.0.0.0\"]}]})\n// ...\ndb.getSiblingDB(\"$external\").runCommand({dropUser: \"CN=ivan\"})",
                    Confirmation.countLabel("Drop", 1), true, Confirmation.overrideCheck(List.of(host)))));
            Thread.sleep(1500);
            Stage dialog = onFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage && w.isShowing())
                    .map(Stage.class::cast).findFirst().orElseThrow());
            shoot(dialog.getScene(), out.resolve("override-dialog-" + theme + ".png"));
            onFx(() -> { dialog.close(); return null; });
            Stage wizard = onFx(() -> CleanupWizard.open(stage, new CleanupViewModel(cleanup, window.dialogs(),
                    FxExecutors.forApplication(), () -> { })));
            Thread.sleep(800);
            onFx(() -> {
                ((javafx.scene.control.RadioButton) wizard.getScene().lookup("#scopeLOCKED_AND_NOT_CLEANED_UP")).fire();
                ((javafx.scene.control.Button) wizard.getScene().lookup("#cleanupPlanButton")).fire();
                return null;
            });
            waitUntil(() -> wizard.getScene().lookup("#cleanupOverrideCheck") != null
                    && wizard.getScene().lookup("#cleanupOverrideCheck").isVisible());
            Thread.sleep(800);
            shoot(wizard.getScene(), out.resolve("cleanup-override-" + theme + ".png"));
            onFx(() -> { wizard.close(); return null; });
        }
        opened.close();
    }
}
