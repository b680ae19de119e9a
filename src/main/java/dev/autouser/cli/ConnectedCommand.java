package dev.autouser.cli;

import dev.autouser.core.mongo.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command that connects, does its work and closes. Any {@link ConsoleException} becomes one
 * line on stderr and exit code 2; the stack trace never reaches the person.
 */
abstract class ConnectedCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @ParentCommand
    AutoUserCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter err = err();
        try {
            checkArguments();
            try (MongoGateway gateway = connection.connect(context(), err)) {
                return run(gateway);
            }
        } catch (ConsoleException e) {
            err.println("error: " + e.getMessage());
            return AutoUserCommand.USAGE_OR_CONNECTION;
        } finally {
            out().flush();
            err.flush();
        }
    }

    /** Refuses bad arguments before connecting; throws {@link ConsoleException}. */
    void checkArguments() {
    }

    abstract int run(MongoGateway gateway);

    CliContext context() {
        return root.context();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
