package dev.autouser.ui.app;

import dev.autouser.core.AppDirs;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.sandbox.SandboxServer;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.ui.shell.Page;
import dev.autouser.ui.support.FxExecutors;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.autouser.ui.app.ScreenshotTour.onFx;
import static dev.autouser.ui.app.ScreenshotTour.shoot;
import static dev.autouser.ui.app.ScreenshotTour.waitUntil;

/**
 * The Users page on a demo set of four members whose last one is hidden: the topology strip names
 * it "hidden" among the members asked. Light and dark ({@code --small}: 1024x700). Run like
 * {@link ScreenshotTour}; writes {@code users-hidden-member-<theme>.png}.
 */
public final class HiddenMemberScreenshotTour {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("autouser-hidden-tour");
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
        Platform.startup(() -> { });
        ConsoleWindow window = onFx(() -> {
            ConsoleWindow created = new ConsoleWindow(new GuiOptions(false, false), FxExecutors.forApplication(), dirs,
                    new GatewayConnector(() -> DemoLauncher.start(new RunningDemo.Settings(dirs.demoPki(), 0,
                            DemoData.Options.demo(), SandboxServer.DEFAULT_VERSION, Duration.ofSeconds(4),
                            RunningDemo.Shape.replicaSetWithHidden(4, 1)), dirs)));
            created.show(new Stage());
            return created;
        });
        Stage stage = onFx(() -> (Stage) javafx.stage.Window.getWindows().get(0));
        if (List.of(args).contains("--small")) {
            onFx(() -> { stage.setWidth(1024); stage.setHeight(700); return null; });
        }
        Thread.sleep(1500);
        onFx(() -> { window.connectModel().startDemo(); return null; });
        waitUntil(() -> window.session() != null);
        Thread.sleep(2500);
        for (boolean dark : new boolean[] {false, true}) {
            String theme = dark ? "dark" : "light";
            onFx(() -> { window.theme().darkProperty().set(dark); return null; });
            onFx(() -> { window.mainModel().show(Page.USERS); return null; });
            Thread.sleep(3000);
            shoot(stage.getScene(), out.resolve("users-hidden-member-" + theme + ".png"));
        }
        onFx(() -> { window.close(); stage.close(); return null; });
        Thread.sleep(1000);
        Platform.exit();
        System.exit(0);
    }
}
