package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** The record's fields as its line has them, with its number and hash when it is chained. */
    public ObjectNode toJson() {
        ObjectNode line = CanonicalJson.JSON.createObjectNode();
        if (chained()) {
            line.put(ChainFields.SEQ, seq);
        }
        line.setAll(RecordJson.toJson(record));
        if (chained()) {
            line.put(ChainFields.HASH, hash);
        }
        return line;
    }
}
