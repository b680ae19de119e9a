package dev.autouser.ui.app;

import dev.autouser.ui.support.FxExecutors;
import dev.autouser.core.AppDirs;
import dev.autouser.core.AppVersion;
import dev.autouser.core.logging.LogFolder;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/** The JavaFX application: builds the window from {@link ConsoleWindow} and closes it cleanly. */
public final class ConsoleApp extends Application {
    /** Set by {@link GuiLauncher} before launch; JavaFX creates this class reflectively. */
    static volatile GuiOptions options = GuiOptions.defaults();

    private ConsoleWindow window;

    @Override
    public void start(Stage stage) {
        LoggerFactory.getLogger(ConsoleApp.class).info("Auto-User Console {} opens on Java {} ({} {}); logs in {}",
                AppVersion.current(), System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"), LogFolder.todaysFile().getParent());
        FxExecutors executors = FxExecutors.forApplication();
        AppDirs dirs = AppDirs.forCurrentUser();
        window = new ConsoleWindow(options, executors, dirs,
                new GatewayConnector(() -> DemoLauncher.start(dirs)));
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
