package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.sandbox.SandboxServer;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.shell.Page;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.Truncation;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.autouser.testsupport.FxSteps.onFx;

/**
 * {@link LayoutFxTest}'s check in a real window, whose fonts are wider than the headless tests':
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp ... dev.autouser.ui.app.RealWindowLayoutCheck [--dark]}.
 * Opens the demo at 1024x700, visits every page and prints each cut label, button or column header;
 * exits 1 when there is one.
 */
public final class RealWindowLayoutCheck {
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("autouser-layout");
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        Platform.startup(() -> { });
        ConsoleWindow window = onFx(() -> {
            ConsoleWindow created = new ConsoleWindow(new GuiOptions(false, List.of(args).contains("--dark")),
                    FxExecutors.forApplication(), dirs,
                    new GatewayConnector(() -> DemoLauncher.start(new RunningDemo.Settings(dirs.demoPki(), 0,
                            DemoData.Options.demo(), SandboxServer.DEFAULT_VERSION, Duration.ofSeconds(4),
                            RunningDemo.Shape.replicaSet(3)))));
            created.show(new Stage());
            return created;
        });
        Stage stage = onFx(() -> (Stage) javafx.stage.Window.getWindows().get(0));
        onFx(() -> { stage.setWidth(1024); stage.setHeight(700); return null; });
        onFx(() -> { window.connectModel().startDemo(); return null; });
        ScreenshotTour.waitUntil(() -> window.session() != null);
        Thread.sleep(3000);
        List<String> cut = new ArrayList<>();
        for (Page page : new Page[] {Page.USERS, Page.ADMIN_SETUP, Page.ROLE_MAPPING, Page.AUDIT, Page.CONNECT}) {
            onFx(() -> { window.mainModel().show(page); return null; });
            Thread.sleep(2500);
            cut.addAll(onFx(() -> {
                Parent root = stage.getScene().getRoot();
                root.layout();
                List<String> found = new ArrayList<>();
                Truncation.truncatedUnder(root).forEach(what -> found.add(page + " " + what));
                Truncation.truncatedHeadersUnder(root).forEach(what -> found.add(page + " " + what));
                return found;
            }));
        }
        cut.forEach(System.out::println);
        System.out.println(cut.isEmpty() ? "Nothing cut at 1024x700." : cut.size() + " cut at 1024x700.");
        onFx(() -> { window.close(); return null; });
        System.exit(cut.isEmpty() ? 0 : 1);
    }
}
