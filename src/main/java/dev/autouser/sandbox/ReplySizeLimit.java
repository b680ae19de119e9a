package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * MongoDB cannot build a reply document over its internal BSON limit (16 MB + 16 KB): the command
 * fails with BSONObjectTooLarge instead. The library would happily send it, so we measure first.
 */
final class ReplySizeLimit {
    private ReplySizeLimit() {
    }

    static Document check(Document reply) {
        ByteBuf buffer = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(reply, buffer);
            int size = buffer.readableBytes();
            if (size > Refusals.BSON_OBJECT_MAX_INTERNAL_SIZE) {
                String first = reply.isEmpty() ? "EOO" : reply.keySet().iterator().next() + ": ...";
                throw Refusals.objectTooLarge(size, first);
            }
            return reply;
        } finally {
            buffer.release();
        }
    }
}
