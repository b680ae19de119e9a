package dev.autouser.ui.app;

import dev.autouser.ui.support.FxExecutors;
import dev.autouser.core.AppDirs;
import dev.autouser.core.logging.StartupFacts;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the window from {@link ConsoleWindow} and closes it cleanly. */
public final class ConsoleApp extends Application {
    /** Set by {@link GuiLauncher} before launch; JavaFX creates this class reflectively. */
    static volatile GuiOptions options = GuiOptions.defaults();

    private ConsoleWindow window;

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.forCurrentUser();
        StartupFacts.log("the console" + (options.demo() ? " with the demo" : ""), dirs);
        FxExecutors executors = FxExecutors.forApplication();
        window = new ConsoleWindow(options, executors, dirs,
                new GatewayConnector(() -> DemoLauncher.start(dirs),
                        () -> dev.autouser.ui.connect.PostgresDemoLauncher.start(dirs)));
        window.show(stage);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
