package dev.autouser.cli;

import dev.autouser.core.logging.StartupFacts;
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
                AdminSetupCommand.class, RoleCommand.class, AuditCommand.class, EvidenceCommand.class, HistoryCommand.class,
                CdsTrainingCommand.class})
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
        return execute(CliContext.system(), console, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args);
    }

    /**
     * Runs in-process with the given streams and surroundings (tests, embedding). Both streams pass
     * through a {@link TerminalWriter}: nothing a connected user controls can drive the terminal.
     */
    public static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        return execute(context, ConsoleOpener.NONE, out, err, args);
    }

    static int execute(CliContext context, ConsoleOpener console, PrintWriter out, PrintWriter err,
                               String... args) {
        PrintWriter safeOut = new PrintWriter(new TerminalWriter(out), true);
        PrintWriter safeErr = new PrintWriter(new TerminalWriter(err), true);
        CommandLine line = commandLine(context, console);
        line.setOut(safeOut);
        line.setErr(safeErr);
        int code = line.execute(args);
        safeOut.flush();
        safeErr.flush();
        return code;
    }

    private static CommandLine commandLine(CliContext context, ConsoleOpener console) {
        CommandLine line = new CommandLine(new AutoUserCommand(context, console));
        // Colours would reach the terminal as escapes; the output is plain text.
        line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        line.getCommandSpec().exitCodeOnInvalidInput(USAGE_OR_CONNECTION);
        line.setParameterExceptionHandler(AutoUserCommand::usageError);
        line.setExecutionStrategy(parsed -> {
            if (parsed.hasSubcommand()) { // without one the console opens and logs its own start
                StartupFacts.log(StartedCommand.describe(parsed), context.dirs());
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + CliErrors.sentence(e));
            return USAGE_OR_CONNECTION;
        });
        return line;
    }

    /** A usage error is its one sentence and a one-line hint, not the whole help. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = e.getMessage() == null ? "Invalid command line." : e.getMessage().strip();
        err.println("error: " + message + (message.endsWith(".") ? "" : "."));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        return USAGE_OR_CONNECTION;
    }
}
