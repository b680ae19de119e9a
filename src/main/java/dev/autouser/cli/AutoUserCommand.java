package dev.autouser.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The root {@code autouser} command; each subcommand is a small class in this package. */
@Command(name = "autouser",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Auto-User Console: see and manage MongoDB users that Teleport provisions automatically.",
        footer = {"", "Exit codes: 0 ok, 1 some users failed or were refused, 2 usage or connection error."},
        subcommands = {CommandLine.HelpCommand.class,
                ListCommand.class, LockCommand.class, DropCommand.class, ActivateCommand.class,
                DeactivateCommand.class, CleanupCommand.class, ServerInfoCommand.class, DemoServerCommand.class,
                AdminSetupCommand.class, RoleCommand.class})
public final class AutoUserCommand implements Runnable {
    /** Exit codes shared by every command. */
    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE_OR_CONNECTION = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--demo",
            description = "Open the console connected to the embedded demo server (started in-process). "
                    + "Without it, a first run (no saved profile) offers the demo or a new connection.")
    boolean demo;

    @CommandLine.Option(names = "--dark", description = "Open the console with the dark theme.")
    boolean dark;

    private final CliContext context;
    private final ConsoleOpener console;

    public AutoUserCommand() {
        this(CliContext.system());
    }

    public AutoUserCommand(CliContext context) {
        this(context, ConsoleOpener.NONE);
    }

    public AutoUserCommand(CliContext context, ConsoleOpener console) {
        this.context = context;
        this.console = console;
    }

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        // No command: open the console.
        console.open(demo, dark);
    }

    public static int run(String... args) {
        return run(ConsoleOpener.NONE, args);
    }

    /** Runs with the system's surroundings; {@code console} opens the GUI when no command is given. */
    public static int run(ConsoleOpener console, String... args) {
        return commandLine(CliContext.system(), console).execute(args);
    }

    /** Runs in-process with the given streams and surroundings (tests, embedding). */
    public static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = commandLine(context, ConsoleOpener.NONE);
        line.setOut(out);
        line.setErr(err);
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static CommandLine commandLine(CliContext context, ConsoleOpener console) {
        CommandLine line = new CommandLine(new AutoUserCommand(context, console));
        line.getCommandSpec().exitCodeOnInvalidInput(USAGE_OR_CONNECTION);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return USAGE_OR_CONNECTION;
        });
        return line;
    }
}
