package dev.autouser.ui;

import dev.autouser.core.AppDirs;
import dev.autouser.ui.connect.DemoLauncher;
import dev.autouser.ui.connect.GatewayConnector;
import dev.autouser.core.mongo.ProfileStore;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the window from {@link ConsoleWindow} and closes it cleanly. */
public final class ConsoleApp extends Application {
    /** Set by {@link GuiLauncher} before launch; JavaFX creates this class reflectively. */
    static volatile GuiOptions options = GuiOptions.defaults();

    private ConsoleWindow window;

    @Override
    public void start(Stage stage) {
        FxExecutors executors = FxExecutors.forApplication();
        AppDirs dirs = AppDirs.forCurrentUser();
        window = new ConsoleWindow(withFirstRunDemo(options, dirs), executors, dirs,
                new GatewayConnector(() -> DemoLauncher.start(dirs)));
        window.show(stage);
    }

    /** With no saved profile yet (a first run), the console opens on the live demo rather than an empty form. */
    static GuiOptions withFirstRunDemo(GuiOptions requested, AppDirs dirs) {
        if (requested.demo()) {
            return requested;
        }
        boolean firstRun;
        try {
            firstRun = new ProfileStore(dirs.profilesFile()).all().isEmpty();
        } catch (RuntimeException unreadable) {
            firstRun = false; // the connect screen will say what is wrong with the file
        }
        return new GuiOptions(firstRun, requested.dark());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
