package dev.autouser.ui.audit;

import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.audit.RunSummary;
import dev.autouser.core.export.UntrustedText;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What the Audit page writes about a row: the short command, and every field for the detail pane. */
public final class AuditText {
    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    /** One labelled value of the detail pane. */
    public record Field(String label, String value) {
    }

    private AuditText() {
    }

    /** The command without the mongosh wrapper, so the column shows what ran ({"updateUser": …}). */
    static String shortCommand(String command) {
        String prefix = ".runCommand(";
        int start = command.indexOf(prefix);
        if (command.startsWith("db.getSiblingDB(") && start > 0 && command.endsWith(")")) {
            return command.substring(start + prefix.length(), command.length() - 1);
        }
        return command;
    }

    /** Seconds matter in an audit; the zone is the computer's (the details say it). */
    static String tableTime(Instant time) {
        return TABLE_TIME.format(time);
    }

    static String timeOfDay(Instant time) {
        return TIME_OF_DAY.format(time);
    }

    static String time(Instant time) {
        return TIME.format(time);
    }

    static List<Field> details(AuditRow row) {
        return row instanceof AuditRow.Run run ? runDetails(run.run()) : recordDetails(((AuditRow.Record) row).entry());
    }

    private static List<Field> runDetails(RunSummary run) {
        AuditRecord first = run.first();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Run", run.id().isEmpty() ? "(written before runs were recorded)" : run.id()));
        fields.add(new Field("Action", run.title()));
        marks(first).ifPresent(fields::add);
        fields.add(new Field("Started", time(run.started())));
        fields.add(new Field("Ended", time(run.ended())));
        fields.add(new Field("Records", run.entries().size() + " (" + run.outcomeText() + ")"));
        fields.add(new Field("Users", run.distinct(AuditRecord::targetUser)));
        fields.add(new Field("Server", run.distinct(AuditRecord::server)));
        fields.add(new Field("Identity", run.distinct(AuditRecord::identity)));
        fields.addAll(origin(first));
        return visible(fields);
    }

    private static List<Field> recordDetails(AuditEntry entry) {
        AuditRecord record = entry.record();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Record", entry.chained() ? "#" + entry.seq() : "not chained (written before the chain)"));
        fields.add(new Field("Time", time(record.time()) + "  (" + record.time() + ")"));
        fields.add(new Field("Target user", record.targetUser()));
        fields.add(new Field("Outcome", record.outcome().word().replace('_', ' ')));
        if (!record.actionId().isEmpty()) {
            fields.add(new Field("Phase", record.phase().word() + (record.phase() == AuditRecord.Phase.INTENT
                    ? " (written before the command was sent)" : "") + "  action " + record.actionId()));
        }
        fields.add(new Field("Result", record.result()));
        fields.add(new Field("Command", record.command()));
        fields.add(new Field("Server", record.server()));
        fields.add(new Field("Identity", record.identity()));
        fields.add(new Field("Run", record.run().id().isEmpty() ? "-" : record.run().id() + "  " + record.run().action()));
        marks(record).ifPresent(fields::add);
        fields.addAll(origin(record));
        fields.add(new Field("Stored in", entry.file() + " line " + entry.line()));
        if (entry.chained()) {
            fields.add(new Field("SHA-256", entry.hash()));
        }
        return visible(fields);
    }

    private static java.util.Optional<Field> marks(AuditRecord record) {
        if (record.run().marks().isEmpty()) {
            return java.util.Optional.empty();
        }
        String text = record.run().marks().stream().map(m -> m == Mark.SIMULATION
                        ? "simulation (a simulated Teleport session, not a real one)" : "dry run (shown, not run)")
                .collect(Collectors.joining("; "));
        return java.util.Optional.of(new Field("Marked", text));
    }

    private static List<Field> origin(AuditRecord record) {
        if (record.origin().tool().isEmpty()) {
            return List.of(new Field("OS user", record.osUser()),
                    new Field("Tool", "not recorded (written by an older version)"));
        }
        return List.of(new Field("OS user", record.osUser() + " on " + record.origin().host()),
                new Field("Tool", record.origin().toolText()));
    }

    /** Values come from the log, which connected users' names reach: control characters are shown escaped. */
    private static List<Field> visible(List<Field> fields) {
        return fields.stream().map(f -> new Field(f.label(), f.label().equals("Command")
                ? String.join("\n", java.util.Arrays.stream(f.value().split("\n", -1)).map(UntrustedText::visible).toList())
                : UntrustedText.visible(f.value()))).toList();
    }
}
