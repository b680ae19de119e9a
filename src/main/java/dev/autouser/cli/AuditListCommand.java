package dev.autouser.cli;

import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.export.AuditExport;
import dev.autouser.core.audit.AuditFilter;
import dev.autouser.core.audit.AuditReading;
import dev.autouser.core.audit.Outcome;
import dev.autouser.core.audit.RunSummary;
import dev.autouser.core.ConsoleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"The audit log's records, newest first, filtered; the chain verdict last (with --json: first).",
                "Exit codes: 0 chain intact, 1 broken or not chained, 2 usage error."})
final class AuditListCommand extends AuditReadingCommand {
    @Option(names = "--server", paramLabel = "TEXT", description = "Only records whose server contains TEXT.")
    String server;

    @Option(names = "--run", paramLabel = "ID", description = "Only the run whose id starts with ID.")
    String run;

    @Option(names = "--user", paramLabel = "TEXT", description = "Only records whose target user contains TEXT.")
    String user;

    @Option(names = "--outcome", paramLabel = "ok|failed|refused|skipped|intent|not_run|unknown|other")
    String outcome;

    @Option(names = "--since", paramLabel = "TIME", description = "From this time (2026-11-05 or 2026-11-05T10:00:00Z, UTC).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Before this time (a date means up to its end).")
    String until;

    @Option(names = "--runs", description = "One line per run (action) instead of one per record.")
    boolean runs;

    @Option(names = "--json", description = "JSON lines: the export header (filter, chain verdict, head), then each record.")
    boolean json;

    @Option(names = "--csv", description = "CSV, with the chain verdict in every row.")
    boolean csv;

    private AuditFilter filter;

    @Override
    void checkArguments() {
        if (json && csv) {
            throw new ConsoleException("Choose --json or --csv, not both.");
        }
        filter = filter();
    }

    @Override
    int run(AuditReading reading, PrintWriter out) {
        List<AuditEntry> shown = filter.apply(reading.entries());
        if (json) {
            out.print(AuditExport.jsonLines(shown, reading.verdict(), filter, Instant.now()));
        } else if (csv) {
            out.print(AuditExport.csv(shown, reading.verdict()));
        } else {
            out.print(runs ? AuditTable.runs(newestFirst(RunSummary.group(shown))) : AuditTable.records(newestFirst(shown)));
            out.println(shown.size() + " of " + reading.entries().size() + " records"
                    + (filter.isEmpty() ? "" : " (filter: " + filter.describe() + ")") + ". " + reading.verdict().summary());
        }
        return reading.verdict().intact() ? AutoUserCommand.OK : AutoUserCommand.SOME_FAILED;
    }

    private AuditFilter filter() {
        Optional<Outcome> wanted;
        try {
            wanted = Optional.ofNullable(outcome).map(Outcome::parse);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException("--outcome: " + e.getMessage() + ".");
        }
        return new AuditFilter(server, run, user, wanted, time("--since", since, false), time("--until", until, true));
    }

    /** An instant, or a UTC date: its start, or for --until its end. */
    static Optional<Instant> time(String option, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException notInstant) {
            try {
                LocalDate day = LocalDate.parse(text.trim());
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                throw new ConsoleException(option + " \"" + text + "\": use a date (2026-11-05) or a UTC time (2026-11-05T10:00:00Z).");
            }
        }
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> reversed = new ArrayList<>(oldestFirst);
        Collections.reverse(reversed);
        return reversed;
    }
}
