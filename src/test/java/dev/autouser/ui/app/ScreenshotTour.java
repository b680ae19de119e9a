package dev.autouser.ui.app;

import dev.autouser.ui.support.FxExecutors;
import dev.autouser.core.AppDirs;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.sandbox.SandboxServer;
import dev.autouser.ui.cleanup.CleanupViewModel;
import dev.autouser.ui.cleanup.CleanupWizard;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.shell.Page;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.autouser.testsupport.FxSteps.onFx;
import static dev.autouser.testsupport.FxSteps.waitFor;

/**
 * Takes the README's screenshots in a real window: run under Xvfb with the test class path,
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp ... dev.autouser.ui.app.ScreenshotTour docs}.
 * Starts the demo, visits every view in the light and the dark theme, and writes PNGs
 * ({@code --small} after the folder: in a 1024x700 window).
 */
public final class ScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("autouser-tour");
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        Platform.startup(() -> { });
        ConsoleWindow window = onFx(() -> {
            ConsoleWindow created = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                    new GatewayConnector(() -> DemoLauncher.start(new RunningDemo.Settings(dirs.demoPki(), 0,
                        DemoData.Options.demo(), SandboxServer.DEFAULT_VERSION, Duration.ofSeconds(4),
                        RunningDemo.Shape.replicaSet(3)), dirs)));
            created.show(new Stage());
            return created;
        });
        Stage stage = onFx(() -> (Stage) javafx.stage.Window.getWindows().get(0));
        if (List.of(args).contains("--small")) { // the smallest window the layout is held to: 1024x700
            onFx(() -> { stage.setWidth(1024); stage.setHeight(700); return null; });
        }
        Thread.sleep(1500);
        onFx(() -> { window.connectModel().startDemo(); return null; });
        waitUntil(() -> window.session() != null);
        Thread.sleep(2500);
        // Changes made through core as the console would, so the cleanup wizard has something to plan.
        UserCleanup cleanup = new UserCleanup(window.session().mongo().orElseThrow().gateway(), new AuditLog(dirs.auditLog()));
        cleanup.execute(cleanup.planFor(CleanupAction.LOCK, List.of("CN=ivan", "CN=mallory")), ProgressListener.NONE);
        cleanup.execute(cleanup.planFor(CleanupAction.DROP, List.of("CN=jack")), ProgressListener.NONE);
        importTeleportSessions(window, dirs);
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            onFx(() -> { window.theme().darkProperty().set(dark); return null; });
            onFx(() -> { window.mainModel().show(Page.CONNECT); return null; });
            Thread.sleep(1200);
            shoot(stage.getScene(), out.resolve("connect-" + theme + ".png"));
            onFx(() -> { window.mainModel().show(Page.USERS); return null; });
            Thread.sleep(2500);
            onFx(() -> {
                TableView<?> table = (TableView<?>) stage.getScene().lookup("#usersTable");
                // Users from other clusters first, so the leaf-cluster tags show.
                javafx.scene.control.TableColumn<?, ?> cluster = table.getColumns().get(3);
                cluster.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
                @SuppressWarnings({"unchecked", "rawtypes"})
                javafx.collections.ObservableList<javafx.scene.control.TableColumn> order =
                        (javafx.collections.ObservableList) table.getSortOrder();
                order.setAll(cluster);
                // A user connected only to a secondary, so the details show where the session is.
                int shown = 0;
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (table.getItems().get(i) instanceof dev.autouser.ui.users.UserRow row
                            && row.user().sessionNodes().stream().anyMatch(n -> n.contains("secondary"))) {
                        shown = i;
                        break;
                    }
                }
                table.getSelectionModel().clearAndSelect(shown);
                table.requestFocus();
                return null;
            });
            Thread.sleep(1200);
            shoot(stage.getScene(), out.resolve("users-" + theme + ".png"));
            // The wizard as the Users page opens it: its plans read this server's history (the seeded days and
            // the Teleport sessions imported above), so the default plan by age shows ages and reasons.
            onFx(() -> { ((javafx.scene.control.Button) stage.getScene().lookup("#cleanupButton")).fire(); return null; });
            Stage wizard = waitForWizard(stage);
            Thread.sleep(1200);
            shoot(wizard.getScene(), out.resolve("cleanup-criteria-" + theme + ".png"));
            onFx(() -> {
                ((javafx.scene.control.Button) wizard.getScene().lookup("#cleanupPlanButton")).fire();
                return null;
            });
            Thread.sleep(2500);
            shoot(wizard.getScene(), out.resolve("cleanup-" + theme + ".png"));
            onFx(() -> { wizard.close(); return null; });
            // The Audit page has its own tour (AuditScreenshotTour): a run open and a record selected.
        }
        onFx(() -> { window.close(); stage.close(); return null; });
        Thread.sleep(1000);
        Platform.exit();
        System.exit(0);
    }

    /**
     * Teleport's audit log as a DBA would import it: one session start two hours ago per demo user (Teleport user and
     * roles, the database roles it was given), so the detail pane shows who used each user.
     */
    private static void importTeleportSessions(ConsoleWindow window, AppDirs dirs) throws Exception {
        var gateway = window.session().mongo().orElseThrow().gateway();
        java.time.Instant at = java.time.Instant.now().minus(Duration.ofHours(2));
        StringBuilder events = new StringBuilder();
        for (var user : new dev.autouser.core.provisioning.AutoUserLister(gateway).list().users()) {
            String name = user.mongoName().substring("CN=".length());
            String roles = user.roles().stream().map(r -> "\"" + r + "\"").collect(java.util.stream.Collectors.joining(","));
            events.append("{\"ei\":1,\"event\":\"db.session.start\",\"code\":\"TDB00I\",\"time\":\"").append(at)
                    .append("\",\"user\":\"").append(user.teleportUser()).append("\",\"user_roles\":[\"access\",\"mongo-dev\"],")
                    .append("\"sid\":\"tour-").append(name).append("\",\"db_service\":\"mongo\",\"db_protocol\":\"mongodb\",")
                    .append("\"db_uri\":\"localhost:27017\",\"db_user\":\"").append(name).append("\",\"db_roles\":[")
                    .append(roles).append("],\"success\":true}\n");
        }
        Path file = Files.createTempFile("tour-audit", ".log");
        Files.writeString(file, events);
        try (dev.autouser.core.history.HistoryStore store = dev.autouser.core.history.HistoryStore.open(dirs.history())) {
            dev.autouser.core.evidence.TeleportImport.run(file, dev.autouser.core.history.ServerName.fromUri(
                    window.session().server()), java.util.Optional.empty(), store);
        }
    }

    /** A console window on a connected demo of {@code shape}, for the smaller tours; {@link #close} ends the JVM. */
    record DemoWindow(ConsoleWindow window, Stage stage, AppDirs dirs) {
        void close() throws Exception {
            onFx(() -> { window.close(); stage.close(); return null; });
            Thread.sleep(1000);
            Platform.exit();
            System.exit(0);
        }
    }

    /** Starts JavaFX, opens the console (1024x700 with {@code --small} in {@code args}) and connects its demo. */
    static DemoWindow openDemo(String tour, RunningDemo.Shape shape, String[] args) throws Exception {
        return open(tour, args, dirs -> new GatewayConnector(() -> DemoLauncher.start(new RunningDemo.Settings(
                dirs.demoPki(), 0, DemoData.Options.demo(), SandboxServer.DEFAULT_VERSION, Duration.ofSeconds(4), shape),
                dirs)), window -> window.connectModel().startDemo());
    }

    /** Starts JavaFX, opens the console with {@code connector} (1024x700 with {@code --small}) and runs {@code start}. */
    static DemoWindow open(String tour, String[] args, java.util.function.Function<AppDirs, GatewayConnector> connector,
                           java.util.function.Consumer<ConsoleWindow> start) throws Exception {
        Path home = Files.createTempDirectory("autouser-" + tour);
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        Platform.startup(() -> { });
        ConsoleWindow window = onFx(() -> {
            ConsoleWindow created = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                    connector.apply(dirs));
            created.show(new Stage());
            return created;
        });
        Stage stage = onFx(() -> (Stage) javafx.stage.Window.getWindows().get(0));
        if (List.of(args).contains("--small")) {
            onFx(() -> { stage.setWidth(1024); stage.setHeight(700); return null; });
        }
        Thread.sleep(1500);
        onFx(() -> { start.accept(window); return null; });
        waitUntil(() -> window.session() != null);
        return new DemoWindow(window, stage, dirs);
    }

    static void shoot(Scene scene, Path file) throws Exception {
        WritableImage image = onFx(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    /** Waits up to a minute for {@code condition}, read on the FX thread: a tour that waits longer fails, not shoots. */
    static void waitUntil(Callable<Boolean> condition) {
        waitFor(60, () -> onFx(condition));
    }

    /** The cleanup wizard's window, once the Users page has opened it. */
    private static Stage waitForWizard(Stage main) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            java.util.Optional<Stage> wizard = onFx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(w -> w != main && w instanceof Stage && w.isShowing()
                            && w.getScene().lookup("#cleanupPlanButton") != null)
                    .map(w -> (Stage) w).findFirst());
            if (wizard.isPresent()) {
                return wizard.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The cleanup wizard did not open within 60 s");
    }
}
