package dev.autouser.core.audit;

import java.util.Objects;

/**
 * A record as read back, with where it stands: its number in the chain (0 when it was written
 * before the chain), its hash, and the file and line it came from.
 */
public record AuditEntry(AuditRecord record, long seq, String hash, String file, int line) {
    public AuditEntry {
        Objects.requireNonNull(record, "record");
        hash = Objects.requireNonNullElse(hash, "");
        Objects.requireNonNull(file, "file");
    }

    public boolean chained() {
        return seq > 0;
    }
}
