package dev.autouser.cli;

import dev.autouser.core.audit.AuditReading;
import dev.autouser.core.ConsoleException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/** An {@code audit} command: reads the log (yours or {@code --file}), no server; errors are one line and exit 2. */
abstract class AuditReadingCommand implements Callable<Integer> {
    @Mixin
    AuditSource source;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            checkArguments();
            return run(source.read(spec), out);
        } catch (ConsoleException | UncheckedIOException e) {
            err.println("error: " + CliErrors.reported(e));
            return AutoUserCommand.USAGE_OR_CONNECTION;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Refuses bad arguments before reading; throws {@link ConsoleException}. */
    void checkArguments() {
    }

    abstract int run(AuditReading reading, PrintWriter out);
}
