package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Set;

/**
 * The command a connection is executing right now: what {@code currentOp} reports as active.
 * {@code command} is a snapshot taken on the connection's own thread when the command starts
 * (deep copy, passwords and SASL payloads already replaced by "xxx" as in MongoDB's redaction),
 * so another thread's currentOp never reads a document the command is still changing.
 */
public record RunningCommand(long opid, String db, String name, Document command, long startedNanos) {
    private static final Set<String> SECRET_FIELDS = Set.of("pwd", "payload");

    /** Snapshots {@code command}; call it on the thread that owns the command document. */
    static RunningCommand started(long opid, String db, String name, Document command, long startedNanos) {
        return new RunningCommand(opid, db, name, redactedCopy(command), startedNanos);
    }

    private static Document redactedCopy(Document command) {
        Document copy = new Document();
        for (var entry : command.cloneDeeply().entrySet()) {
            copy.put(entry.getKey(), SECRET_FIELDS.contains(entry.getKey()) ? "xxx" : entry.getValue());
        }
        return copy;
    }

    public String namespace() {
        return db + ".$cmd";
    }

    public long microsRunning() {
        return Math.max(0, (System.nanoTime() - startedNanos) / 1_000);
    }
}
