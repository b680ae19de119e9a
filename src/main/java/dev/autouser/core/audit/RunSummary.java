package dev.autouser.core.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One action as the log tells it: the records of one run (a cleanup of 500 users is one), when it
 * started and ended, who ran it from where, and how its records came out. Records written before
 * runs existed are each a run of their own.
 */
public record RunSummary(String id, String action, List<AuditEntry> entries) {
    public RunSummary {
        Objects.requireNonNull(id, "id");
        action = Objects.requireNonNullElse(action, "");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("A run has at least one record");
        }
    }

    /** Runs in the order their first record appears. */
    public static List<RunSummary> group(List<AuditEntry> entries) {
        Map<String, List<AuditEntry>> byRun = new LinkedHashMap<>();
        for (AuditEntry entry : entries) {
            String key = entry.record().run().exists() ? entry.record().run().id() : entry.file() + ":" + entry.line();
            byRun.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }
        return byRun.values().stream()
                .map(list -> new RunSummary(list.get(0).record().run().id(), list.get(0).record().run().action(), list))
                .toList();
    }

    public AuditRecord first() {
        return entries.get(0).record();
    }

    public Instant started() {
        return first().time();
    }

    public Instant ended() {
        return entries.get(entries.size() - 1).record().time();
    }

    /** "lock 3 users", or the one record's command when the run had no name. */
    public String title() {
        return action.isEmpty() ? first().command() : action;
    }

    public Map<Outcome, Long> outcomes() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        entries.forEach(e -> counts.merge(e.record().outcome(), 1L, Long::sum));
        return counts;
    }

    /** "2 ok, 1 failed". */
    public String outcomeText() {
        return outcomes().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().word().replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    /** The distinct values of one field across the run's records, joined. */
    public String distinct(java.util.function.Function<AuditRecord, String> field) {
        return entries.stream().map(e -> field.apply(e.record())).filter(v -> !v.isEmpty()).distinct()
                .collect(Collectors.joining(", "));
    }

    /** "dry-run, simulation" or "". */
    public String marksText() {
        return first().run().marks().stream().map(Mark::word).collect(Collectors.joining(", "));
    }
}
