package dev.autouser.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * The one byte form of a record that its hash is taken of: object keys sorted (recursively), no
 * whitespace, UTF-8, Jackson's string escaping, and without the record's own {@code hash} field.
 * Re-formatting a line (spaces, key order) therefore keeps its hash; changing any value does not.
 */
final class CanonicalJson {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The previous hash of the first record of a chain. */
    static final String ZERO_HASH = "0".repeat(64);

    private CanonicalJson() {
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(sorted(node)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /** SHA-256 (lower-case hex) of the record's canonical JSON, its own hash field left out. */
    static String hashOf(ObjectNode record) {
        ObjectNode withoutHash = record.deepCopy();
        withoutHash.remove(ChainFields.HASH);
        return sha256(bytes(withoutHash));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.put(name, sorted(node.get(name)));
            }
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
