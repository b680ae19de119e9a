package dev.autouser.cli;

import dev.autouser.core.engine.Engine;
import dev.autouser.core.evidence.TeleportImport;
import dev.autouser.core.evidence.TeleportUserActivity;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ServerName;
import dev.autouser.core.history.UsageHistory;
import dev.autouser.core.ConsoleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code autouser evidence import-teleport FILE --server URI}: reads Teleport audit events (file
 * backend JSON lines, or the web UI's JSON) and records each auto-user's last session in the history of
 * the server named (MongoDB's or PostgreSQL's, by the URI's scheme), where cleanup policies read it. Bad
 * and foreign lines are counted.
 */
@Command(name = "import-teleport", mixinStandardHelpOptions = true,
        description = {"Import Teleport audit events (file backend JSON lines, or the web UI's JSON export): each "
                + "auto-user's last database session goes into the history of the server named by --server.",
                "Prints what was read, used and skipped (other event types, bad lines with their line numbers), and per "
                        + "user: last session, Teleport user and roles, and whether Teleport failed to lock or drop it."})
final class ImportTeleportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Teleport audit events: JSON lines or a JSON export.")
    Path file;

    @Option(names = "--server", paramLabel = "URI", required = true,
            description = "The server these sessions went to, as the console connects to it (mongodb://host:port,... or"
                    + " postgresql://host:5432/db): only that engine's events are read.")
    String server;

    @Option(names = "--db-service", paramLabel = "NAME",
            description = "Only events of this Teleport database service (db_service); default: every service of the server's engine.")
    String service;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String historyServer = ServerName.fromUri(server);
            Engine engine = Engine.ofUri(server);
            CliContext context = ((AutoUserCommand) spec.root().userObject()).context();
            try (UsageHistory history = UsageHistory.open(context.dirs().history())) {
                HistoryStore store = history.store().orElseThrow(() -> new ConsoleException("The history cannot be opened: "
                        + history.takeProblem().orElse("unknown problem") + " Nothing was imported."));
                TeleportImport.Result result = TeleportImport.run(file, historyServer, engine, Optional.ofNullable(service), store);
                out.println(result.imported().counts().summary() + ".");
                result.imported().byMongoName().values().forEach(user -> out.println("  " + line(user, engine)));
                out.println(result.recorded() + (result.recorded() == 1 ? " user's" : " users'")
                        + " last session recorded in the history of " + historyServer + " (" + store.file() + ").");
            }
            return AutoUserCommand.OK;
        } catch (ConsoleException e) {
            err.println("error: " + e.getMessage());
            return AutoUserCommand.USAGE_OR_CONNECTION;
        } finally {
            out.flush();
            err.flush();
        }
    }


    private static String line(TeleportUserActivity user, Engine engine) {
        StringBuilder text = new StringBuilder(user.nameIn(engine)).append(": ");
        text.append(user.lastSeen().map(at -> "last session " + at).orElse("no session"));
        if (!user.teleportUser().isEmpty()) {
            text.append(", Teleport user ").append(user.teleportUser());
            if (!user.teleportRoles().isEmpty()) {
                text.append(" (").append(String.join(", ", user.teleportRoles())).append(')');
            }
        }
        if (!user.databaseRoles().isEmpty()) {
            text.append(", database roles ").append(String.join(" ", user.databaseRoles()));
        }
        if (user.deactivationFailed()) {
            TeleportUserActivity.Deactivation failed = user.lastDeactivation().orElseThrow();
            text.append("; Teleport failed to ").append(failed.deleted() ? "drop" : "lock").append(" it at ")
                    .append(failed.time()).append(": ").append(failed.error());
        }
        user.lastCreateFailure().ifPresent(error -> text.append("; Teleport failed to create it: ").append(error));
        return text.toString();
    }
}
