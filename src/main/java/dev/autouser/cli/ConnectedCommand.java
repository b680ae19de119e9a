package dev.autouser.cli;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.teleport.TeleportConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command that connects, does its work and closes, at any depth below {@code autouser} (e.g.
 * {@code autouser list} or {@code autouser role validate}). A {@link ConsoleException}, or a
 * {@link TeleportConfigException} from a role file, becomes one line on stderr and exit code 2;
 * the stack trace never reaches the person.
 */
abstract class ConnectedCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter err = err();
        try {
            checkArguments();
            if (offline()) {
                return runOffline();
            }
            if (recordsListings()) {
                historyAhead = dev.autouser.core.history.UsageHistory.openAhead(context().dirs().history());
            }
            if (connection.isPostgres(context())) {
                try (PostgresEngine engine = new PostgresEngine(connection.connectPostgres(context(), err),
                        dev.autouser.core.postgres.teleport.PostgresTeleportProvisioning::new)) {
                    return runPostgres(engine);
                }
            }
            try (MongoGateway gateway = connection.connect(context(), err)) {
                return run(gateway);
            }
        } catch (ConsoleException | TeleportConfigException e) {
            err.println("error: " + CliErrors.reported(e));
            return AutoUserCommand.USAGE_OR_CONNECTION;
        } finally {
            if (history == null && historyAhead != null) {
                history = historyAhead.get(); // opened for nothing (the command failed first): closed, not abandoned mid-migration
            }
            if (history != null) {
                history.close();
            }
            out().flush();
            err.flush();
        }
    }

    /**
     * The exit code of a user action the server or the console refused or that failed (README: 1):
     * prints the one sentence. Only a lost connection stays a connection error (2).
     */
    int refused(ConsoleException e) {
        if (isConnectionProblem(e)) {
            throw e;
        }
        err().println("error: " + CliErrors.reported(e));
        return AutoUserCommand.SOME_FAILED;
    }

    private static boolean isConnectionProblem(ConsoleException e) {
        return e instanceof dev.autouser.core.ConnectionLostException
                || e.serverCode().isEmpty() && e.getCause() instanceof com.mongodb.MongoException
                && !(e.getCause() instanceof com.mongodb.MongoCommandException);
    }

    private dev.autouser.core.history.UsageHistory history;
    private java.util.function.Supplier<dev.autouser.core.history.UsageHistory> historyAhead;
    private String historyTimings = "timings: history not used";

    /**
     * True for commands that record their listing in the usage history: it is opened in the
     * background while they connect and list (see {@link dev.autouser.core.history.UsageHistory#openAhead}).
     */
    boolean recordsListings() {
        return false;
    }

    /** For {@code --timings}: what the last recorded listing spent on the history after the server answered. */
    String historyTimings() {
        return historyTimings;
    }

    private dev.autouser.core.history.UsageHistory history() {
        if (history == null) {
            history = historyAhead != null ? historyAhead.get()
                    : dev.autouser.core.history.UsageHistory.open(context().dirs().history());
        }
        return history;
    }

    /**
     * Records {@code listing} in the usage history (data folder) and returns it with each user's
     * evidence. A history that fails is one warning on stderr; the command goes on.
     */
    dev.autouser.core.provisioning.AutoUserListing recorded(MongoGateway gateway,
                                                            dev.autouser.core.provisioning.AutoUserListing listing) {
        return recorded(dev.autouser.core.history.ServerName.fromUri(gateway.server()),
                dev.autouser.core.history.UserKey.MONGODB, listing);
    }

    /** The same for PostgreSQL: its history is kept per server and engine, apart from MongoDB's. */
    dev.autouser.core.provisioning.AutoUserListing recorded(PostgresEngine engine,
                                                            dev.autouser.core.provisioning.AutoUserListing listing) {
        return recorded(dev.autouser.core.history.ServerName.fromUri("postgresql://" + engine.server()),
                dev.autouser.core.history.UserKey.POSTGRESQL, listing);
    }

    /** The same for any engine: {@code server} as {@code ServerName} names it, {@code engine} as {@code UserKey}. */
    dev.autouser.core.provisioning.AutoUserListing recorded(String server, String engine,
                                                            dev.autouser.core.provisioning.AutoUserListing listing) {
        long started = System.nanoTime();
        dev.autouser.core.history.UsageHistory opened = history();
        long open = System.nanoTime();
        dev.autouser.core.provisioning.AutoUserListing withEvidence =
                new dev.autouser.core.provisioning.ListingHistory(opened, server, engine).record(listing);
        historyTimings = String.format(java.util.Locale.ROOT, "timings: history %d ms after the listing (waiting for it"
                + " to open %d ms, record and read %d ms)", (System.nanoTime() - started) / 1_000_000,
                (open - started) / 1_000_000, (System.nanoTime() - open) / 1_000_000);
        history.takeProblem().ifPresent(problem -> err().println("warning: " + problem));
        return withEvidence;
    }

    /** Adds evidence from another source to the usage history; a history that fails is one warning. */
    void recordActivity(java.util.Collection<dev.autouser.core.history.ActivitySink.Sighting> sightings) {
        history().store().ifPresent(store -> store.recordActivity(sightings));
        history.takeProblem().ifPresent(problem -> err().println("warning: " + problem));
    }

    /** Refuses bad arguments before connecting; throws {@link ConsoleException}. */
    void checkArguments() {
    }

    abstract int run(MongoGateway gateway);

    /**
     * The command against PostgreSQL; commands that work there override it. The others say plainly
     * that they are MongoDB's (exit 2, nothing sent beyond the connection).
     */
    int runPostgres(PostgresEngine engine) {
        throw new ConsoleException("\"" + spec.qualifiedName(" ").replaceFirst("^autouser ", "") + "\" works with MongoDB only;"
                + " for PostgreSQL use list, lock, drop, cleanup, activate, deactivate, server-info, admin-setup or role"
                + " validate, preview or simulate.");
    }

    /** True when the command was asked to work without a server. */
    boolean offline() {
        return false;
    }

    int runOffline() {
        throw new IllegalStateException("This command needs a server.");
    }

    /**
     * The shared context lives on the root command. Reached through {@code spec.root()} rather
     * than {@code @ParentCommand}, because a nested command's parent is not the root.
     */
    CliContext context() {
        return ((AutoUserCommand) spec.root().userObject()).context();
    }

    /** The audit log with every record of this command in one run, named after the command. */
    AuditLog auditLog() {
        return context().auditLog().inRun(spec.qualifiedName(" ").replaceFirst("^autouser ", ""));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
