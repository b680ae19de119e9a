package dev.autouser.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code autouser} command; each subcommand is a small class in this package. */
@Command(name = "autouser",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Auto-User Console: see and manage MongoDB users that Teleport provisions automatically.",
        subcommands = {CommandLine.HelpCommand.class, DemoServerCommand.class})
public final class AutoUserCommand implements Runnable {
    /** Exit codes shared by every command. */
    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE_OR_CONNECTION = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--demo",
            description = "Open the console connected to the embedded demo server (started in-process).")
    boolean demo;

    @CommandLine.Option(names = "--dark", description = "Open the console with the dark theme.")
    boolean dark;

    @Override
    public void run() {
        // No command: open the console.
        dev.autouser.ui.GuiLauncher.launch(new dev.autouser.ui.GuiOptions(demo, dark));
    }

    public static int run(String... args) {
        CommandLine line = new CommandLine(new AutoUserCommand());
        line.getCommandSpec().exitCodeOnInvalidInput(USAGE_OR_CONNECTION);
        return line.execute(args);
    }
}
