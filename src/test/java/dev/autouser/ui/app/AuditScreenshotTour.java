package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.Channel;
import dev.autouser.core.audit.Origin;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.sandbox.SandboxServer;
import dev.autouser.ui.audit.AuditRow;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.shell.Page;
import dev.autouser.ui.support.FxExecutors;
import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Audit page's screenshots for the README, in a real window under Xvfb: a few real runs against
 * the demo server (a cleanup, a lock, a simulation, a dry run), the cleanup expanded and one record
 * selected so the detail pane shows; then the same log with one result edited by hand, to show a
 * broken chain. 1280x800 and 1024x700, light and dark:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp ... dev.autouser.ui.app.AuditScreenshotTour docs}.
 */
public final class AuditScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("autouser-audit-tour");
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        Platform.startup(() -> { });
        ConsoleWindow window = dev.autouser.testsupport.FxSteps.onFx(() -> {
            ConsoleWindow created = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                    new GatewayConnector(() -> DemoLauncher.start(new RunningDemo.Settings(dirs.demoPki(), 0,
                            DemoData.Options.demo(), SandboxServer.DEFAULT_VERSION, Duration.ofSeconds(4)))));
            created.show(new Stage());
            return created;
        });
        Stage stage = dev.autouser.testsupport.FxSteps.onFx(() -> (Stage) javafx.stage.Window.getWindows().get(0));
        Thread.sleep(1500);
        dev.autouser.testsupport.FxSteps.onFx(() -> { window.connectModel().startDemo(); return null; });
        ScreenshotTour.waitUntil(() -> window.session() != null);
        Thread.sleep(2500);
        history(window, dirs);
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            for (boolean dark : new boolean[] {false, true}) {
                String name = "audit" + (size[0] == 1280 ? "" : "-" + size[0]) + "-" + (dark ? "dark" : "light") + ".png";
                dev.autouser.testsupport.FxSteps.onFx(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    window.theme().darkProperty().set(dark);
                    window.mainModel().show(Page.USERS);
                    return null;
                });
                Thread.sleep(800);
                showAuditWithTheCleanupOpen(window, stage);
                ScreenshotTour.shoot(stage.getScene(), out.resolve(name));
            }
        }
        // Someone edits a result by hand: the page says where the chain breaks.
        Path log = dirs.auditLog();
        Files.writeString(log, Files.readString(log).replaceFirst("\"result\":\"ok: dropped\"", "\"result\":\"skipped: not dropped\""));
        dev.autouser.testsupport.FxSteps.onFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            window.theme().darkProperty().set(false);
            window.mainModel().show(Page.USERS);
            return null;
        });
        Thread.sleep(800);
        showAuditWithTheCleanupOpen(window, stage);
        dev.autouser.testsupport.FxSteps.onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeTableView<AuditRow> tree = (TreeTableView<AuditRow>) stage.getScene().lookup("#auditTree");
            tree.getRoot().getChildren().forEach(run -> run.setExpanded(false));
            // Open the run that holds the broken record and select that record.
            for (TreeItem<AuditRow> run : tree.getRoot().getChildren()) {
                for (TreeItem<AuditRow> record : run.getChildren()) {
                    if (record.getValue().outcome().startsWith("skipped: not dropped")) {
                        run.setExpanded(true);
                        tree.getSelectionModel().select(record);
                    }
                }
            }
            return null;
        });
        Thread.sleep(1200);
        ScreenshotTour.shoot(stage.getScene(), out.resolve("audit-broken-light.png"));
        dev.autouser.testsupport.FxSteps.onFx(() -> { window.close(); stage.close(); return null; });
        Thread.sleep(1000);
        Platform.exit();
        System.exit(0);
    }

    /** Real changes on the demo server, written as the GUI writes them. */
    private static void history(ConsoleWindow window, AppDirs dirs) {
        AuditLog audit = new AuditLog(dirs.auditLog(), Origin.current(Channel.GUI));
        UserCleanup cleanup = new UserCleanup(window.session().mongo().orElseThrow().gateway(), audit);
        cleanup.execute(cleanup.planFor(CleanupAction.LOCK, List.of("CN=ivan")), ProgressListener.NONE);
        cleanup.recordDryRun(cleanup.planFor(CleanupAction.DROP, List.of("CN=zoe", "CN=liam")));
        TeleportProvisioner simulation = new TeleportProvisioner(window.session().mongo().orElseThrow().gateway(), audit).forSimulation();
        simulation.activate("sim-peggy", List.of(RoleRef.parse("read@db1")));
        simulation.delete("sim-peggy");
        cleanup.execute(cleanup.planFor(CleanupAction.DROP, List.of("CN=jack", "CN=sophia", "CN=app-backend")),
                ProgressListener.NONE);
    }

    /** Opens the Audit page, expands the newest run (the cleanup) and selects its drop of CN=jack. */
    private static void showAuditWithTheCleanupOpen(ConsoleWindow window, Stage stage) throws Exception {
        dev.autouser.testsupport.FxSteps.onFx(() -> { window.mainModel().show(Page.AUDIT); return null; });
        Thread.sleep(2000);
        dev.autouser.testsupport.FxSteps.onFx(() -> {
            @SuppressWarnings("unchecked")
            TreeTableView<AuditRow> tree = (TreeTableView<AuditRow>) stage.getScene().lookup("#auditTree");
            TreeItem<AuditRow> newest = tree.getRoot().getChildren().get(0);
            newest.setExpanded(true);
            TreeItem<AuditRow> pick = newest.getChildren().stream()
                    .filter(item -> item.getValue().target().equals("CN=jack") && item.getValue().what().contains("dropUser"))
                    .findFirst().orElse(newest);
            tree.getSelectionModel().select(pick);
            tree.requestFocus();
            return null;
        });
        Thread.sleep(1200);
    }
}
