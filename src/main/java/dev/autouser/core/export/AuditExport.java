package dev.autouser.core.export;

import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.AuditFilter;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.ChainVerdict;
import dev.autouser.core.audit.Mark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The filtered records for someone else to read, with the chain's verdict: JSON lines (a first
 * line describing the export, then one line per record with its number and hash, so each can be
 * found in the log) or CSV (the verdict in a column of every row, cells made safe as for users).
 */
public final class AuditExport {
    private static final List<String> CSV_COLUMNS = List.of("seq", "time", "run", "action", "marks", "via", "tool",
            "version", "os_user", "host", "server", "identity", "target_user", "outcome", "phase", "action_id", "result",
            "command", "hash",
            "chain_verdict");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExport() {
    }

    public static String jsonLines(List<AuditEntry> entries, ChainVerdict verdict, AuditFilter filter, Instant exportedAt) {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode export = header.putObject("export");
        export.put("exportedAt", exportedAt.toString())
                .put("records", entries.size())
                .put("filter", filter.describe())
                .put("chain", verdict.status().word())
                .put("verdict", verdict.summary());
        verdict.head().ifPresent(h -> export.put("headSeq", h.seq()).put("headHash", h.hash()));
        StringBuilder out = new StringBuilder(write(header)).append('\n');
        for (AuditEntry entry : entries) {
            ObjectNode line = entry.toJson();
            line.put("outcome", entry.record().outcome().word());
            out.append(write(line)).append('\n');
        }
        return out.toString();
    }

    public static String csv(List<AuditEntry> entries, ChainVerdict verdict) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (AuditEntry entry : entries) {
            AuditRecord r = entry.record();
            List<String> values = List.of(entry.chained() ? Long.toString(entry.seq()) : "", r.time().toString(),
                    r.run().id(), r.run().action(), r.run().marks().stream().map(Mark::word).collect(Collectors.joining(" ")),
                    r.origin().via().word(), r.origin().tool(), r.origin().version(), r.osUser(), r.origin().host(),
                    r.server(), r.identity(), r.targetUser(), r.outcome().word(),
                    r.actionId().isEmpty() ? "" : r.phase().word(), r.actionId(), r.result(), r.command(), entry.hash(),
                    verdict.summary());
            out.append(values.stream().map(UserExport::csvField).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }
}
