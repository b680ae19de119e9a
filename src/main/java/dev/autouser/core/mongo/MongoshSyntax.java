package dev.autouser.core.mongo;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one mongosh renderer: writes commands and values as JavaScript someone can copy, read and
 * run. Every string is quoted and escaped here, so a user or role name can never end the string it
 * sits in. Two layouts of the same text: one line (plans, audit, clipboard) and expanded (scripts).
 */
public final class MongoshSyntax {
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private MongoshSyntax() {
    }

    /**
     * {@code db.getSiblingDB("$external").runCommand({"dropUser": "CN=alice"})}. Package-private on
     * purpose, like {@link #expanded}: a command is shown only through its value
     * ({@link MongoCommand#shellText()}, {@link MongoCommand#scriptText()}), so what is shown is what runs.
     */
    static String oneLine(String db, Document command) {
        return "db.getSiblingDB(" + quote(db) + ").runCommand(" + compact(command) + ")";
    }

    /** {@code db.getSiblingDB("admin").aggregate([...])}: a pipeline as a person types it. */
    public static String aggregate(String db, List<Document> pipeline) {
        return "db.getSiblingDB(" + quote(db) + ").aggregate(" + compact(pipeline) + ")";
    }

    /** One command as a script statement with one field per line: {@code db.getSiblingDB("admin").runCommand({...});} */
    static String expanded(String db, Document command) {
        StringBuilder out = new StringBuilder("db.getSiblingDB(").append(quote(db)).append(").runCommand({\n");
        String body = command.entrySet().stream()
                .map(e -> "  " + key(e.getKey()) + ": " + value(e.getValue(), true))
                .collect(Collectors.joining(",\n"));
        return out.append(body).append("\n});\n").toString();
    }

    /** A JavaScript string literal holding exactly {@code text}. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** JSON-like, keys quoted, on one line: {@code {"updateUser": "CN=alice", "roles": []}}. */
    private static String compact(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "{}" : "{" + map.entrySet().stream()
                    .map(e -> quote(String.valueOf(e.getKey())) + ": " + compact(e.getValue()))
                    .collect(Collectors.joining(", ")) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + list.stream().map(MongoshSyntax::compact).collect(Collectors.joining(", ")) + "]";
        }
        return scalar(value);
    }

    private static String scalar(Object value) {
        if (value instanceof String text) {
            return quote(text);
        }
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Double) {
            return String.valueOf(value);
        }
        // Other BSON values (ObjectId, dates...) as the driver's relaxed extended JSON.
        String json = new Document("v", value).toJson(RELAXED);
        return json.substring(json.indexOf(':') + 1, json.length() - 1).trim();
    }

    private static String value(Object value, boolean topLevel) {
        if (value instanceof Map<?, ?> map) {
            return "{ " + map.entrySet().stream()
                    .map(e -> key(String.valueOf(e.getKey())) + ": " + value(e.getValue(), false))
                    .collect(Collectors.joining(", ")) + " }";
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            boolean documents = list.get(0) instanceof Map;
            if (topLevel && documents) {
                return "[\n" + list.stream().map(v -> "    " + value(v, false)).collect(Collectors.joining(",\n")) + "\n  ]";
            }
            return "[ " + list.stream().map(v -> value(v, false)).collect(Collectors.joining(", ")) + " ]";
        }
        return scalar(value);
    }

    private static String key(String key) {
        return IDENTIFIER.matcher(key).matches() ? key : quote(key);
    }
}
