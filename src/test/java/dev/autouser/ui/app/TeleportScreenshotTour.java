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
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

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
            fx(() -> window.connectModel().startPostgresDemo());
        }
        waitUntil(() -> window.session() != null, 120);
        Thread.sleep(2000);
        if (postgres) {
            postgresWalk(docs);
        } else {
            mongoWalk(docs);
        }
        fx(() -> {
            window.close();
            stage.close();
        });
        Thread.sleep(1000);
        System.exit(0);
    }

    private static void mongoWalk(Path docs) throws Exception {
        fx(() -> window.mainModel().show(Page.ADMIN_SETUP));
        Thread.sleep(4000); // it checks on open
        shoot(docs.resolve("admin-setup-drift" + suffix + ".png"));
        fx(() -> ((TabPane) lookup("#resultTabs")).getSelectionModel().select(1));
        Thread.sleep(800);
        shoot(docs.resolve("admin-setup-script" + suffix + ".png"));

        fx(() -> window.mainModel().show(Page.ROLE_MAPPING));
        Thread.sleep(1500);
        fx(() -> ((TextField) lookup("#newAllowField")).setText("readwrite@db1"));
        fire("#addAllowButton");
        fx(() -> ((TextField) lookup("#newAllowField")).setText("readAnyDatabase@db2"));
        fire("#addAllowButton");
        Thread.sleep(2500);
        shoot(docs.resolve("role-mapping-validation" + suffix + ".png"));
        fx(() -> ((TabPane) lookup("#roleTabs")).getSelectionModel().select(1));
        fx(() -> ((TextField) lookup("#previewUserField")).setText("alice"));
        fx(() -> ((TextField) lookup("#previewClusterField")).setText("root"));
        fx(() -> ((TextArea) lookup("#traitsArea")).setText("db_roles=read@db2"));
        Thread.sleep(500);
        fire("#previewButton");
        Thread.sleep(2500);
        shoot(docs.resolve("role-mapping-preview" + suffix + ".png"));
    }

    private static void postgresWalk(Path docs) throws Exception {
        fx(() -> window.mainModel().show(Page.ADMIN_SETUP));
        Thread.sleep(3000); // it checks on open
        shoot(docs.resolve("pg-admin-setup" + suffix + ".png"));
        fx(() -> ((TextField) lookup("#adminRoleField")).setText("teleport-admin-new"));
        fire("#verifyButton");
        Thread.sleep(2500);
        fx(() -> ((TabPane) lookup("#resultTabs")).getSelectionModel().select(1));
        Thread.sleep(800);
        shoot(docs.resolve("pg-admin-setup-sql" + suffix + ".png"));
        fx(() -> ((TextField) lookup("#adminRoleField")).setText("teleport-admin"));

        fx(() -> window.mainModel().show(Page.ROLE_MAPPING));
        Thread.sleep(1500);
        for (String entry : new String[] {"reader", "writer@appdb", "analyst", "app_backend"}) {
            fx(() -> ((TextField) lookup("#newAllowField")).setText(entry));
            fire("#addAllowButton");
        }
        fx(() -> ((TextArea) lookup("#traitsArea")).setText("db_roles=developer"));
        Thread.sleep(2500);
        shoot(docs.resolve("pg-role-mapping-validation" + suffix + ".png"));
        fx(() -> ((TabPane) lookup("#roleTabs")).getSelectionModel().select(1));
        fx(() -> ((TextField) lookup("#previewUserField")).setText("frank"));
        fx(() -> ((TextField) lookup("#previewRolesField")).setText("reader, developer"));
        Thread.sleep(500);
        fire("#previewButton");
        Thread.sleep(2500);
        shoot(docs.resolve("pg-role-mapping-preview" + suffix + ".png"));
        fx(() -> ((TextField) lookup("#simulateAsField")).setText(""));
        fire("#simulateButton");
        Thread.sleep(3000); // the dry run, then the confirmation
        shoot(docs.resolve("pg-role-mapping-simulate" + suffix + ".png"));
        fx(() -> ((Button) lookupInAnyWindow("#confirmActionButton")).fire());
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
        fx(() -> ((Button) lookup(id)).fire());
    }

    private static void fx(Runnable action) throws Exception {
        FutureTask<Void> task = new FutureTask<>(action, null);
        Platform.runLater(task);
        task.get();
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        for (int i = 0; i < seconds * 10; i++) {
            FutureTask<Boolean> check = new FutureTask<>(condition);
            Platform.runLater(check);
            if (check.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The demo server did not connect within " + seconds + " s.");
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
