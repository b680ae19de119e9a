package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A record's fields on its line; reading accepts lines of older versions (no origin, no run). */
final class RecordJson {
    private RecordJson() {
    }

    static ObjectNode toJson(AuditRecord record) {
        ObjectNode node = CanonicalJson.JSON.createObjectNode()
                .put("time", record.time().toString());
        if (record.run().exists()) {
            node.put("run", record.run().id()).put("action", record.run().action());
        }
        if (!record.run().marks().isEmpty()) {
            ArrayNode marks = node.putArray("marks");
            record.run().marks().forEach(mark -> marks.add(mark.word()));
        }
        Origin origin = record.origin();
        node.put("tool", origin.tool()).put("version", origin.version()).put("via", origin.via().word())
                .put("osUser", origin.osUser()).put("host", origin.host())
                .put("server", record.server())
                .put("identity", record.identity())
                .put("command", record.command())
                .put("targetUser", record.targetUser())
                .put("result", record.result());
        return node;
    }

    /** Empty for lines that are not change records (genesis records, damaged lines). */
    static Optional<AuditRecord> fromJson(JsonNode node) {
        if (ChainFields.isGenesis(node)) {
            return Optional.empty();
        }
        Instant time;
        try {
            time = Instant.parse(node.path("time").asText());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Set<Mark> marks = EnumSet.noneOf(Mark.class);
        node.path("marks").forEach(mark -> Mark.of(mark.asText()).ifPresent(marks::add));
        Origin origin = new Origin(text(node, "tool"), text(node, "version"), Channel.of(text(node, "via")),
                text(node, "osUser"), text(node, "host"));
        Run run = new Run(text(node, "run"), text(node, "action"), marks);
        return Optional.of(new AuditRecord(time, origin, text(node, "server"), text(node, "identity"),
                text(node, "command"), text(node, "targetUser"), text(node, "result"), run));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asText() : "";
    }
}
