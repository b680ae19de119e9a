package dev.autouser.core.audit;

import java.util.List;
import java.util.Objects;

/** Everything in a log, oldest first, and the verdict on its chain, from one consistent read. */
public record AuditReading(List<AuditEntry> entries, ChainVerdict verdict) {
    public AuditReading {
        entries = List.copyOf(entries);
        Objects.requireNonNull(verdict, "verdict");
    }
}
