package dev.autouser.ui.app;

import dev.autouser.ui.support.FxExecutors;
import dev.autouser.core.AppDirs;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.PostgresDemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.shell.Page;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.testsupport.FxSteps.waitFor;

/**
 * Not a test: opens the real console on the demo server under a real display (xvfb-run), walks
 * through the admin-setup and role-mapping pages and captures the screen with ImageMagick's
 * {@code import} into {@code docs/}. Run: see README ("Screenshots"). {@code --postgres} walks the
 * PostgreSQL pages on the PostgreSQL demo (a real embedded PostgreSQL) instead ({@code pg-...png}).
 */
public final class TeleportScreenshotTour {
    private static ConsoleWindow window;
    private static Stage stage;
    private static boolean small;
    private static String suffix;

    public static void main(String[] args) throws Exception {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        boolean dark = java.util.Arrays.asList(args).contains("--dark");
        small = java.util.Arrays.asList(args).contains("--small"); // a 1024x700 window, the smallest the layout is held to
        suffix = (small ? "-1024" : "") + (dark ? "-dark" : "");
        boolean postgres = java.util.Arrays.asList(args).contains("--postgres");
        Files.createDirectories(docs);
        Path home = Files.createTempDirectory("autouser-tour");
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        Platform.startup(() -> {
            stage = new Stage();
            // The MongoDB demo starts with the window (--demo); the PostgreSQL one as the welcome card's choice does.
            window = new ConsoleWindow(new GuiOptions(!postgres, dark), FxExecutors.forApplication(), dirs,
                    new GatewayConnector(() -> DemoLauncher.start(dirs), () -> PostgresDemoLauncher.start(dirs)));
            window.show(stage);
            if (small) {
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(1024);
                stage.setHeight(700);
            }
        });
        if (postgres) {
            Thread.sleep(1500);
            onFx(() -> window.connectModel().startPostgresDemo());
        }
        waitFor(120, () -> onFx(() -> window.session() != null));
        Thread.sleep(2000);
        if (postgres) {
            postgresWalk(docs);
        } else {
            mongoWalk(docs);
        }
        onFx(() -> {
            window.close();
            stage.close();
        });
        Thread.sleep(1000);
        System.exit(0);
    }

    private static void mongoWalk(Path docs) throws Exception {
        onFx(() -> window.mainModel().show(Page.ADMIN_SETUP));
        Thread.sleep(4000); // it checks on open
        shoot(docs.resolve("admin-setup-drift" + suffix + ".png"));
        onFx(() -> ((TabPane) lookup("#resultTabs")).getSelectionModel().select(1));
        Thread.sleep(800);
        shoot(docs.resolve("admin-setup-script" + suffix + ".png"));

        onFx(() -> window.mainModel().show(Page.ROLE_MAPPING));
        Thread.sleep(1500);
        onFx(() -> ((TextField) lookup("#newAllowField")).setText("readwrite@db1"));
        fire("#addAllowButton");
        onFx(() -> ((TextField) lookup("#newAllowField")).setText("readAnyDatabase@db2"));
        fire("#addAllowButton");
        Thread.sleep(2500);
        shoot(docs.resolve("role-mapping-validation" + suffix + ".png"));
        onFx(() -> ((TabPane) lookup("#roleTabs")).getSelectionModel().select(1));
        onFx(() -> ((TextField) lookup("#previewUserField")).setText("alice"));
        onFx(() -> ((TextField) lookup("#previewClusterField")).setText("root"));
        onFx(() -> ((TextArea) lookup("#traitsArea")).setText("db_roles=read@db2"));
        Thread.sleep(500);
        fire("#previewButton");
        Thread.sleep(2500);
        shoot(docs.resolve("role-mapping-preview" + suffix + ".png"));
    }

    private static void postgresWalk(Path docs) throws Exception {
        onFx(() -> window.mainModel().show(Page.ADMIN_SETUP));
        Thread.sleep(3000); // it checks on open
        shoot(docs.resolve("pg-admin-setup" + suffix + ".png"));
        onFx(() -> ((TextField) lookup("#adminRoleField")).setText("teleport-admin-new"));
        fire("#verifyButton");
        Thread.sleep(2500);
        onFx(() -> ((TabPane) lookup("#resultTabs")).getSelectionModel().select(1));
        Thread.sleep(800);
        shoot(docs.resolve("pg-admin-setup-sql" + suffix + ".png"));
        onFx(() -> ((TextField) lookup("#adminRoleField")).setText("teleport-admin"));

        onFx(() -> window.mainModel().show(Page.ROLE_MAPPING));
        Thread.sleep(1500);
        for (String entry : new String[] {"reader", "writer@appdb", "analyst", "app_backend"}) {
            onFx(() -> ((TextField) lookup("#newAllowField")).setText(entry));
            fire("#addAllowButton");
        }
        onFx(() -> ((TextArea) lookup("#traitsArea")).setText("db_roles=developer"));
        Thread.sleep(2500);
        shoot(docs.resolve("pg-role-mapping-validation" + suffix + ".png"));
        onFx(() -> ((TabPane) lookup("#roleTabs")).getSelectionModel().select(1));
        onFx(() -> ((TextField) lookup("#previewUserField")).setText("frank"));
        onFx(() -> ((TextField) lookup("#previewRolesField")).setText("reader, developer"));
        Thread.sleep(500);
        fire("#previewButton");
        Thread.sleep(2500);
        shoot(docs.resolve("pg-role-mapping-preview" + suffix + ".png"));
        onFx(() -> ((TextField) lookup("#previewUserField")).setText("grace"));  // not in the demo: Teleport creates it
        fire("#simulateButton");
        Thread.sleep(3000); // the dry run, then the confirmation
        shoot(docs.resolve("pg-role-mapping-simulate" + suffix + ".png"));
        onFx(() -> ((Button) lookupInAnyWindow("#confirmActionButton")).fire());
        Thread.sleep(4000);
        shoot(docs.resolve("pg-role-mapping-simulated" + suffix + ".png"));
    }

    /** A node in the main window or a dialog (the confirmation is its own window). */
    private static Node lookupInAnyWindow(String id) {
        return javafx.stage.Window.getWindows().stream().map(w -> w.getScene().lookup(id)).filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + id + " in any window"));
    }

    private static Node lookup(String id) {
        return stage.getScene().lookup(id);
    }

    private static void fire(String id) throws Exception {
        onFx(() -> ((Button) lookup(id)).fire());
    }

    private static void shoot(Path file) throws Exception {
        Process process = new ProcessBuilder("import", "-window", "root", "-crop",
                small ? "1024x700+0+0" : "1280x800+0+20", "+repage", file.toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("captured " + file);
    }
}
