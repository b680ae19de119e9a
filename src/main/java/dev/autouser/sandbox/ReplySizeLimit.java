package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import dev.autouser.sandbox.security.ServerErrors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * MongoDB cannot build a reply document over its internal BSON limit (16 MB + 16 KB): the command
 * fails with BSONObjectTooLarge instead. The library would happily send it, so we measure first,
 * by walking the document (no copy); values of unusual types are measured by encoding them.
 */
final class ReplySizeLimit {
    private ReplySizeLimit() {
    }

    static Document check(Document reply) {
        long size = documentSize(reply);
        if (size > ServerErrors.BSON_OBJECT_MAX_INTERNAL_SIZE) {
            String first = reply.isEmpty() ? "EOO" : reply.keySet().iterator().next() + ": ...";
            throw ServerErrors.objectTooLarge(size, first);
        }
        return reply;
    }

    static long documentSize(Map<?, ?> document) {
        long size = 4 + 1;
        for (Map.Entry<?, ?> entry : document.entrySet()) {
            size += 1 + cstringSize(String.valueOf(entry.getKey())) + valueSize(entry.getValue());
        }
        return size;
    }

    private static long valueSize(Object value) {
        if (value instanceof Map<?, ?> map) {
            return documentSize(map);
        }
        if (value instanceof Collection<?> list) {
            long size = 4 + 1;
            int index = 0;
            for (Object item : list) {
                size += 1 + cstringSize(Integer.toString(index++)) + valueSize(item);
            }
            return size;
        }
        if (value instanceof String text) {
            return 4 + text.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        if (value == null || value instanceof de.bwaldvogel.mongo.backend.Missing) {
            return 0;
        }
        if (value instanceof Boolean) {
            return 1;
        }
        if (value instanceof Integer) {
            return 4;
        }
        if (value instanceof Long || value instanceof Double || value instanceof Instant) {
            return 8;
        }
        if (value instanceof ObjectId) {
            return 12;
        }
        if (value instanceof UUID) {
            return 4 + 1 + 16;
        }
        if (value instanceof BinData binary) {
            return 4 + 1 + binary.getData().length;
        }
        return encodedSize(value);
    }

    private static long cstringSize(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length + 1;
    }

    /** Anything else: encode it inside a one-field document and subtract the wrapper. */
    private static long encodedSize(Object value) {
        ByteBuf buffer = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(new Document("v", value), buffer);
            return buffer.readableBytes() - (4 + 1 + 1 + 2);
        } finally {
            buffer.release();
        }
    }
}
