package dev.autouser.cli;

import dev.autouser.core.evidence.TeleportActivity;
import dev.autouser.core.evidence.TeleportUserActivity;
import dev.autouser.core.history.ActivitySink;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ServerName;
import dev.autouser.core.history.UsageHistory;
import dev.autouser.core.mongo.ConsoleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code autouser evidence import-teleport FILE --server URI}: reads Teleport audit events (file
 * backend JSON lines, or the web UI's JSON) and records each MongoDB auto-user's last session in the
 * history of the server named, where cleanup policies read it. Bad and foreign lines are counted.
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
            description = "The MongoDB server these sessions went to, as the console connects to it (mongodb://host:port,...).")
    String server;

    @Option(names = "--db-service", paramLabel = "NAME",
            description = "Only events of this Teleport database service (db_service); default: every MongoDB service.")
    String service;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConsoleException("The file " + file + " does not exist or is not a regular file.");
            }
            String historyServer = ServerName.fromUri(server);
            TeleportActivity.Import imported;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                imported = TeleportActivity.read(reader, event -> "mongodb".equals(event.protocol())
                        && (service == null || service.equals(event.databaseService())));
            } catch (IOException e) {
                throw new ConsoleException("The file " + file + " cannot be read: " + e.getMessage());
            }
            out.println(imported.counts().summary() + ".");
            imported.byMongoName().values().forEach(user -> out.println("  " + line(user)));
            List<ActivitySink.Sighting> sightings = TeleportActivity.sightings(imported, historyServer);
            record(sightings, historyServer, out, err);
            return AutoUserCommand.OK;
        } catch (ConsoleException e) {
            err.println("error: " + e.getMessage());
            return AutoUserCommand.USAGE_OR_CONNECTION;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void record(List<ActivitySink.Sighting> sightings, String historyServer, PrintWriter out, PrintWriter err) {
        CliContext context = ((AutoUserCommand) spec.root().userObject()).context();
        try (UsageHistory history = UsageHistory.open(context.dirs().history())) {
            HistoryStore store = history.store().orElseThrow(() -> new ConsoleException(
                    "The history cannot be opened: " + history.takeProblem().orElse("unknown problem") + " Nothing was kept."));
            store.recordActivity(sightings);
            out.println(sightings.size() + (sightings.size() == 1 ? " user's" : " users'") + " last session recorded in the history of "
                    + historyServer + " (" + store.file() + ").");
        }
    }

    private static String line(TeleportUserActivity user) {
        StringBuilder text = new StringBuilder(user.mongoName()).append(": ");
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
