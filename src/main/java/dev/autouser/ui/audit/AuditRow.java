package dev.autouser.ui.audit;

import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.audit.RunSummary;

import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/** A row of the audit tree: a run (one action) or one of its records. Each knows its key, kept across reloads. */
public sealed interface AuditRow {
    String key();

    Instant time();

    /** The action of a run, the command of a record. */
    String what();

    String target();

    String outcome();

    String server();

    String identity();

    /** "SIMULATION", "DRY-RUN": records that are not ordinary changes say so in every row. */
    String marks();

    /** True when this row is, or holds, the record numbered {@code seq}. */
    boolean holds(long seq);

    record Run(RunSummary run) implements AuditRow {
        @Override
        public String key() {
            return "run:" + (run.id().isEmpty() ? run.entries().get(0).file() + ":" + run.entries().get(0).line() : run.id());
        }

        @Override
        public Instant time() {
            return run.started();
        }

        @Override
        public boolean holds(long seq) {
            return seq > 0 && run.entries().stream().anyMatch(e -> e.seq() == seq);
        }

        @Override
        public String what() {
            return run.title();
        }

        @Override
        public String target() {
            long users = run.entries().stream().map(e -> e.record().targetUser()).distinct().count();
            return users == 1 ? run.first().targetUser() : users + " users";
        }

        @Override
        public String outcome() {
            return run.outcomeText();
        }

        @Override
        public String server() {
            return run.distinct(AuditRecord::server);
        }

        @Override
        public String identity() {
            return run.distinct(AuditRecord::identity);
        }

        @Override
        public String marks() {
            return marksOf(run.first());
        }
    }

    record Record(AuditEntry entry) implements AuditRow {
        @Override
        public String key() {
            return "record:" + entry.file() + ":" + entry.line() + ":" + entry.hash();
        }

        @Override
        public Instant time() {
            return entry.record().time();
        }

        @Override
        public boolean holds(long seq) {
            return seq > 0 && entry.seq() == seq;
        }

        @Override
        public String what() {
            return AuditText.shortCommand(entry.record().command());
        }

        @Override
        public String target() {
            return entry.record().targetUser();
        }

        @Override
        public String outcome() {
            return entry.record().result();
        }

        @Override
        public String server() {
            return entry.record().server();
        }

        @Override
        public String identity() {
            return entry.record().identity();
        }

        @Override
        public String marks() {
            return marksOf(entry.record());
        }
    }

    private static String marksOf(AuditRecord record) {
        return record.run().marks().stream().map(m -> m.word().toUpperCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }

    static boolean marked(AuditRow row, Mark mark) {
        return row.marks().contains(mark.word().toUpperCase(Locale.ROOT));
    }
}
