package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplySizeLimitTest {
    private static int encoded(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            return buffer.readableBytes();
        } finally {
            buffer.release();
        }
    }

    @Test
    void measuredSizeEqualsTheEncodedSize() {
        Document reply = new Document("users", List.of(
                new Document("_id", "$external.CN=ä").append("userId", UUID.randomUUID()).append("n", 1)
                        .append("l", 2L).append("d", 1.5).append("b", true).append("t", Instant.now())
                        .append("o", new ObjectId()).append("bin", new BinData(new byte[] {1, 2, 3}))
                        .append("nothing", null).append("roles", List.of(new Document("role", "read"))))).append("ok", 1.0);
        assertEquals(encoded(reply), ReplySizeLimit.documentSize(reply));
    }

    @Test
    void replyOverTheInternalLimitIsRefusedWithCode10334() {
        Document reply = new Document("users", List.of(new Document("blob", "x".repeat(16 * 1024 * 1024 + 16 * 1024))));
        MongoServerError e = assertThrows(MongoServerError.class, () -> ReplySizeLimit.check(reply));
        assertEquals(10334, e.getCode());
        assertEquals("BSONObjectTooLarge", e.getCodeName());
    }
}
