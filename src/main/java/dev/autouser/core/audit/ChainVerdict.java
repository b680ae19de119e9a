package dev.autouser.core.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What verification found: whether the chain is intact, where it first breaks (record number,
 * time, file and line, and what is wrong), how many records it covers, the head hash to quote in
 * an external ticket, and notes that do not break it (e.g. records from before the chain).
 */
public record ChainVerdict(Status status, long chainedRecords, long unchainedRecords, Optional<Link> head,
                           Optional<Problem> problem, List<String> notes) {
    public enum Status {
        /** Every record links to the one before it, and the end matches the head file. */
        INTACT("intact"),
        /** Something was altered, removed, reordered, inserted or cut off. */
        BROKEN("BROKEN"),
        /** Only records written before the chain existed: readable, but nothing proves them. */
        NOT_CHAINED("not chained"),
        EMPTY("empty");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The first place the chain breaks; {@code seq} is 0 when the broken line has no number. */
    public record Problem(long seq, Optional<Instant> time, String where, String what) {
        public Problem {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(what, "what");
        }

        public String sentence() {
            String at = seq > 0 ? "record #" + seq : "a record";
            return at + time.map(t -> " (" + ChainVerdict.format(t) + ")").orElse("") + ", " + where + ": " + what;
        }
    }

    public ChainVerdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(problem, "problem");
        notes = List.copyOf(notes);
    }

    public boolean intact() {
        return status == Status.INTACT;
    }

    /** The chain's last record, only when the chain is intact: a broken chain has no head to vouch for. */
    public Optional<Link> intactHead() {
        return intact() ? head : Optional.empty();
    }

    /** The hash of the last record, to copy into a ticket: a later verify proves nothing before it changed. */
    public Optional<String> headHash() {
        return head.map(Link::hash);
    }

    public Optional<Long> headSeq() {
        return head.map(Link::seq);
    }

    /** One sentence for a status line or the CLI. */
    public String summary() {
        return switch (status) {
            case INTACT -> "Chain intact: " + chainedRecords + (chainedRecords == 1 ? " record" : " records")
                    + head.map(h -> " up to #" + h.seq()).orElse("")
                    + (unchainedRecords > 0 ? " (plus " + unchainedRecords + " older unchained)" : "") + ".";
            case BROKEN -> "Chain BROKEN at " + problem.map(Problem::sentence).orElse("an unknown place") + ".";
            case NOT_CHAINED -> "Not chained: " + unchainedRecords + (unchainedRecords == 1 ? " record" : " records")
                    + " written before the log was hash-chained; they are readable but nothing proves them unchanged.";
            case EMPTY -> "No audit records yet.";
        };
    }

    static String format(Instant time) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(time);
    }
}
