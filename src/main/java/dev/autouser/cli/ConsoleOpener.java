package dev.autouser.cli;

import dev.autouser.core.ConsoleException;

/**
 * What {@code autouser} without a command does: {@code app.Main} passes one that opens the GUI, so
 * the command line needs no knowledge of the console's packages.
 */
@FunctionalInterface
public interface ConsoleOpener {
    /** For runs that have no console (tests, embedding): asks for a command instead. */
    ConsoleOpener NONE = (demo, dark) -> {
        throw new ConsoleException("No command given; run `autouser --help` to see the commands.");
    };

    /** Blocks until the console is closed. */
    void open(boolean demo, boolean dark);
}
