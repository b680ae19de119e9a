package dev.autouser.core.mongo;

import org.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes commands and values as mongosh JavaScript someone can copy, read and run: strings are
 * quoted and escaped, so a user or role name can never end the string it sits in.
 */
public final class MongoshSyntax {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private MongoshSyntax() {
    }

    /** One command as mongosh text, e.g. {@code db.getSiblingDB("admin").runCommand({...});} */
    public static String runCommand(String db, Document command) {
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
        if (value instanceof String text) {
            return quote(text);
        }
        return String.valueOf(value);
    }

    private static String key(String key) {
        return IDENTIFIER.matcher(key).matches() ? key : quote(key);
    }
}
