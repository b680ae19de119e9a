package dev.autouser.sandbox.security;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/** The encoded BSON size of a value, so replies can honour MongoDB's 16 MB document limit. */
final class BsonSize {

    /** MongoDB's largest internal document (16 MB plus 16 KB of headroom for command replies). */
    static final int MAX_INTERNAL_SIZE = 16 * 1024 * 1024 + 16 * 1024;

    private BsonSize() {
    }

    static int ofDocument(Map<?, ?> document) {
        int size = 4 + 1;
        for (Map.Entry<?, ?> entry : document.entrySet()) {
            size += element(String.valueOf(entry.getKey()), entry.getValue());
        }
        return size;
    }

    static int element(String key, Object value) {
        return 1 + utf8(key) + 1 + ofValue(value);
    }

    private static int ofValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return ofDocument(map);
        }
        if (value instanceof Collection<?> list) {
            int size = 4 + 1;
            int index = 0;
            for (Object item : list) {
                size += element(Integer.toString(index++), item);
            }
            return size;
        }
        if (value instanceof String text) {
            return 4 + utf8(text) + 1;
        }
        if (value instanceof Integer) {
            return 4;
        }
        if (value instanceof Boolean) {
            return 1;
        }
        if (value instanceof Long || value instanceof Double || value instanceof java.time.Instant
                || value instanceof java.util.Date) {
            return 8;
        }
        if (value instanceof java.util.UUID) {
            return 4 + 1 + 16;
        }
        if (value == null) {
            return 0;
        }
        return 12;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
