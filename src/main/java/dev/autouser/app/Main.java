package dev.autouser.app;

import dev.autouser.cli.AutoUserCommand;
import dev.autouser.ui.app.GuiLauncher;
import dev.autouser.ui.app.GuiOptions;

/**
 * Entry point of {@code autouser.jar}: with no command it opens the console (GUI); with a command
 * it runs headless. The only class that knows both, so the CLI and the GUI never know each other.
 * It must not extend {@code javafx.application.Application}, so that the shaded jar starts without
 * JavaFX on the module path; JavaFX classes load only when the console is opened.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(AutoUserCommand.run((demo, dark) -> GuiLauncher.launch(new GuiOptions(demo, dark)), args));
    }
}
