package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Renders documents the way the server's {@code BSONObj::toString} does inside error messages:
 * {@code { createUser: "CN=x", roles: [ { role: "read", db: "db1" } ], $db: "$external" }}.
 */
public final class BsonText {

    private BsonText() {
    }

    public static String toText(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            appendDocument(out, map);
        } else if (value instanceof Collection<?> list) {
            appendArray(out, list);
        } else if (value instanceof String text) {
            out.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (value instanceof Double number) {
            appendDouble(out, number);
        } else if (value instanceof UUID uuid) {
            out.append("UUID(\"").append(uuid).append("\")");
        } else if (value instanceof ObjectId id) {
            out.append("ObjectId('").append(id.getHexData()).append("')");
        } else if (value instanceof BsonTimestamp ts) {
            out.append("Timestamp(").append(ts.getTime()).append(", ").append(ts.getInc()).append(')');
        } else if (value instanceof Instant instant) {
            out.append("new Date(").append(instant.toEpochMilli()).append(')');
        } else if (value instanceof Date date) {
            out.append("new Date(").append(date.getTime()).append(')');
        } else {
            out.append(value);
        }
    }

    private static void appendDocument(StringBuilder out, Map<?, ?> map) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{ ");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            out.append(entry.getKey()).append(": ");
            append(out, entry.getValue());
            out.append(entries.hasNext() ? ", " : " ");
        }
        out.append('}');
    }

    private static void appendArray(StringBuilder out, Collection<?> list) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[ ");
        Iterator<?> items = list.iterator();
        while (items.hasNext()) {
            append(out, items.next());
            out.append(items.hasNext() ? ", " : " ");
        }
        out.append(']');
    }

    private static void appendDouble(StringBuilder out, double number) {
        if (number == Math.rint(number) && !Double.isInfinite(number) && Math.abs(number) < 1e15) {
            out.append((long) number).append(".0");
        } else {
            out.append(number);
        }
    }

    /** MongoDB's BSON type names, as its parser errors use them. */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Integer) {
            return "int";
        }
        if (value instanceof Long) {
            return "long";
        }
        if (value instanceof Double) {
            return "double";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof Collection) {
            return "array";
        }
        return value.getClass().getSimpleName();
    }
}
