package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;

import java.time.Instant;

/**
 * The logical clock a replica set or sharded cluster gossips: {@code $clusterTime} (with a
 * signature, all zeros here since no key is shared with clients) and {@code operationTime} on
 * every reply. A write advances it; a read reports the last write's time.
 */
final class ClusterClock {
    private BsonTimestamp last = new BsonTimestamp(Instant.now(), 1);

    synchronized BsonTimestamp advance() {
        Instant now = Instant.now();
        int seconds = (int) now.getEpochSecond();
        last = seconds > last.getTime() ? new BsonTimestamp(now, 1) : new BsonTimestamp(Instant.ofEpochSecond(last.getTime()), last.getInc() + 1);
        return last;
    }

    synchronized BsonTimestamp now() {
        return last;
    }

    /** Appends {@code $clusterTime} and {@code operationTime} as mongod does on a replica set. */
    void gossip(Document reply, boolean wrote) {
        BsonTimestamp time = wrote ? advance() : now();
        reply.put("$clusterTime", new Document("clusterTime", time)
                .append("signature", new Document("hash", new BinData(new byte[20])).append("keyId", 0L)));
        reply.put("operationTime", time);
    }
}
