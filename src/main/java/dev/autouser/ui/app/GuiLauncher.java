package dev.autouser.ui.app;

import javafx.application.Application;

/**
 * Starts the JavaFX console from the picocli root command. It does not extend {@link Application}
 * itself, so the shaded jar starts with JavaFX on the class path (no module-path checks).
 */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    /** Blocks until the window is closed. */
    public static void launch(GuiOptions options) {
        ConsoleApp.options = options;
        Application.launch(ConsoleApp.class);
    }
}
