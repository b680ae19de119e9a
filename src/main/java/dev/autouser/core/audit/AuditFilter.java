package dev.autouser.core.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which records to show, the same for the Audit page and {@code audit list}: server and user match
 * anywhere in the name (case-insensitive), a run by the start of its id, outcome exactly, time from
 * (inclusive) to (exclusive). An empty filter keeps everything.
 */
public record AuditFilter(String server, String run, String user, Optional<Outcome> outcome,
                          Optional<Instant> from, Optional<Instant> to) implements Predicate<AuditEntry> {
    public static final AuditFilter ALL = new AuditFilter("", "", "", Optional.empty(), Optional.empty(), Optional.empty());

    public AuditFilter {
        server = Objects.requireNonNullElse(server, "").trim();
        run = Objects.requireNonNullElse(run, "").trim();
        user = Objects.requireNonNullElse(user, "").trim();
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public boolean test(AuditEntry entry) {
        AuditRecord record = entry.record();
        return contains(record.server(), server)
                && (run.isEmpty() || record.run().id().startsWith(run))
                && contains(record.targetUser(), user)
                && outcome.map(o -> record.outcome() == o).orElse(true)
                && from.map(f -> !record.time().isBefore(f)).orElse(true)
                && to.map(t -> record.time().isBefore(t)).orElse(true);
    }

    public List<AuditEntry> apply(List<AuditEntry> entries) {
        return entries.stream().filter(this).toList();
    }

    public boolean isEmpty() {
        return equals(ALL);
    }

    /** "server db1, outcome failed, from 2026-11-01T00:00:00Z", or "none". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!server.isEmpty()) {
            parts.add("server " + server);
        }
        if (!run.isEmpty()) {
            parts.add("run " + run);
        }
        if (!user.isEmpty()) {
            parts.add("user " + user);
        }
        outcome.ifPresent(o -> parts.add("outcome " + o.word()));
        from.ifPresent(f -> parts.add("from " + f));
        to.ifPresent(t -> parts.add("until " + t));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static boolean contains(String value, String wanted) {
        return wanted.isEmpty() || value.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
    }
}
