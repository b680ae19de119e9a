package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;

/** The command a connection is executing right now: what {@code currentOp} reports as active. */
public record RunningCommand(long opid, String db, String name, Document command, long startedNanos) {
    public String namespace() {
        return db + ".$cmd";
    }

    public long microsRunning() {
        return Math.max(0, (System.nanoTime() - startedNanos) / 1_000);
    }
}
