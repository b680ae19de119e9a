package dev.autouser.cli;

import dev.autouser.core.mongo.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.teleport.TeleportConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A connected command one level below {@code autouser role}. It behaves like
 * {@link ConnectedCommand} (same connection options, one-line errors, exit 2), but finds the
 * shared {@link CliContext} through the root command, since its picocli parent is {@code role}.
 * A Teleport configuration problem in the role file is also one line, exit 2.
 */
abstract class RoleSubcommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter err = err();
        try {
            if (offline()) {
                return runOffline();
            }
            try (MongoGateway gateway = connection.connect(context(), err)) {
                return run(gateway);
            }
        } catch (ConsoleException | TeleportConfigException e) {
            err.println("error: " + e.getMessage());
            return AutoUserCommand.USAGE_OR_CONNECTION;
        } finally {
            out().flush();
            err.flush();
        }
    }

    abstract int run(MongoGateway gateway);

    /** True when the command was asked to work without a server. */
    boolean offline() {
        return false;
    }

    int runOffline() {
        throw new IllegalStateException("This command needs a server.");
    }

    CliContext context() {
        return ((AutoUserCommand) spec.root().userObject()).context();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
