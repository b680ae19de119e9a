package dev.autouser.cli;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.export.HistoryExport;
import dev.autouser.core.export.UserExport;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ServerName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code autouser history export}: every change of state the history holds (of one server, from a
 * moment on), as CSV or JSON, streamed to a file or standard output.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the raw usage history: every change of a user's state the console recorded "
                + "(server, engine, user, at, state, app, client), oldest first, as CSV or JSON."})
final class HistoryExportCommand implements Callable<Integer> {
    @Option(names = "--server", paramLabel = "URI",
            description = "Only this server, as the console connects to it (mongodb://host:port,... or postgresql://...);"
                    + " default: every server.")
    String server;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only changes from then on: an ISO date or instant (2026-11-01, 2026-11-01T08:00:00Z)"
                    + " or an age (30d, 12h, 45m).")
    String since;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "csv (default) or json.")
    String format;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "-",
            description = "The file to write ('-', the default: standard output).")
    String output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            UserExport.Format chosen = format();
            Optional<Instant> from = Optional.ofNullable(since).map(text -> Since.parse(text, Clock.systemUTC()));
            CliContext context = ((AutoUserCommand) spec.root().userObject()).context();
            Path file = context.dirs().history();
            if (!Files.exists(file)) {
                throw new ConsoleException("There is no usage history yet (" + file + "): it starts with the first listing.");
            }
            long written;
            try (HistoryStore store = open(file)) {
                Optional<String> name = Optional.ofNullable(server).map(ServerName::fromUri);
                name.ifPresent(n -> requireKnown(store, n));
                written = write(store, name, from, chosen);
            }
            if (!"-".equals(output)) {
                err.println(written + (written == 1 ? " change" : " changes") + " written to " + output + ".");
            }
            return AutoUserCommand.OK;
        } catch (ConsoleException e) {
            err.println("error: " + e.getMessage());
            return AutoUserCommand.USAGE_OR_CONNECTION;
        } finally {
            err.flush();
        }
    }

    private UserExport.Format format() {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> UserExport.Format.CSV;
            case "json" -> UserExport.Format.JSON;
            default -> throw new ConsoleException("Unknown format \"" + format + "\": use csv or json.");
        };
    }

    private static void requireKnown(HistoryStore store, String name) {
        var servers = store.servers();
        if (servers.stream().noneMatch(s -> s.name().equals(name))) {
            throw new ConsoleException("The history holds no server " + name + (servers.isEmpty() ? "."
                    : " (it holds " + servers.stream().map(s -> s.name() + " " + s.engine()).distinct()
                    .collect(Collectors.joining(", ")) + ")."));
        }
    }

    private static HistoryStore open(Path file) {
        try {
            return HistoryStore.open(file);
        } catch (java.sql.SQLException | RuntimeException e) {
            throw new ConsoleException("The usage history " + file + " cannot be opened: " + e.getMessage());
        }
    }

    private long write(HistoryStore store, Optional<String> name, Optional<Instant> from, UserExport.Format chosen) {
        if ("-".equals(output)) {
            PrintWriter out = spec.commandLine().getOut();
            try {
                return HistoryExport.write(store, name, from, chosen, out, count -> { });
            } catch (IOException e) {
                throw new ConsoleException("The export could not be written to standard output: " + e.getMessage());
            }
        }
        Path target = Path.of(output);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8))) {
            return HistoryExport.write(store, name, from, chosen, out, count -> { });
        } catch (IOException e) {
            throw new ConsoleException(HistoryExport.cannotWrite(target, e));
        }
    }
}
