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

    @Override
    public void run() {
        // No command: the GUI opens here once it exists; until then, help.
        spec.commandLine().usage(System.out);
    }

    public static int run(String... args) {
        CommandLine line = new CommandLine(new AutoUserCommand());
        line.getCommandSpec().exitCodeOnInvalidInput(USAGE_OR_CONNECTION);
        return line.execute(args);
    }
}
