package dev.autouser;

import dev.autouser.cli.AutoUserCommand;

/**
 * Entry point of {@code autouser.jar}: with no arguments it opens the console (GUI); with a
 * command it runs headless. This class must not extend {@code javafx.application.Application},
 * so that the shaded jar starts without JavaFX on the module path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(AutoUserCommand.run(args));
    }
}
