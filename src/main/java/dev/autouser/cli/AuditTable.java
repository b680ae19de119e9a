package dev.autouser.cli;

import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.RunSummary;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The audit log as terminal text: one line per record or per run, with the columns a DBA scans for. */
final class AuditTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String RECORD_ROW = "%-19s  %6s  %-26s  %-3s  %-8s  %-24s  %-7s  %s%n";
    private static final String RUN_ROW = "%-19s  %-26s  %-3s  %-8s  %-24s  %5s  %-14s  %s%n";

    private AuditTable() {
    }

    static String records(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder(String.format(RECORD_ROW, "TIME (UTC)", "SEQ", "RUN", "VIA", "OS USER",
                "TARGET", "OUTCOME", "RESULT"));
        for (AuditEntry entry : entries) {
            AuditRecord r = entry.record();
            out.append(String.format(RECORD_ROW, TIME.format(r.time()), entry.chained() ? "#" + entry.seq() : "-",
                    r.run().id().isEmpty() ? "-" : r.run().id(), r.origin().via().word(), r.osUser(), r.targetUser(),
                    r.outcome().word(), marks(r) + r.result()));
        }
        return out.toString();
    }

    static String runs(List<RunSummary> runs) {
        StringBuilder out = new StringBuilder(String.format(RUN_ROW, "STARTED (UTC)", "RUN", "VIA", "OS USER", "SERVER",
                "COUNT", "OUTCOMES", "ACTION"));
        for (RunSummary run : runs) {
            AuditRecord first = run.first();
            out.append(String.format(RUN_ROW, TIME.format(run.started()), run.id().isEmpty() ? "-" : run.id(),
                    first.origin().via().word(), first.osUser(), run.distinct(AuditRecord::server),
                    run.entries().size(), run.outcomeText(), marks(first) + run.title()));
        }
        return out.toString();
    }

    private static String marks(AuditRecord record) {
        return record.run().marks().isEmpty() ? ""
                : "[" + String.join(", ", record.run().marks().stream().map(m -> m.word().toUpperCase(java.util.Locale.ROOT)).toList()) + "] ";
    }
}
