package dev.autouser.core.audit;

import dev.autouser.core.ConsoleException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The audit log could not take a record. Before a change that means nothing was sent; after one it
 * carries what the server did ({@link #applied()}), because the change happened without its record.
 */
public final class AuditUnwritableException extends ConsoleException {
    private final String applied;

    private AuditUnwritableException(String message, String appliedOrNull, Throwable cause) {
        super(message, cause);
        this.applied = appliedOrNull;
    }

    static AuditUnwritableException beforeChange(UncheckedIOException e) {
        return new AuditUnwritableException(e.getMessage() + ". Nothing was changed: the console makes no change"
                + " it cannot record. Fix the file or folder and try again.", null, e);
    }

    static AuditUnwritableException afterChange(UncheckedIOException e, AuditRecord intent, String whatHappened) {
        String applied = intent.command() + " on " + intent.targetUser() + ": " + whatHappened;
        return new AuditUnwritableException("The server was changed but its outcome is not in the audit log: "
                + applied + ". " + e.getMessage() + ". The intent record (" + intent.actionId()
                + ") is there; add the outcome by hand.", applied, e);
    }

    /** The records of a batch's changes are in the log, but the disk refused to confirm them at its end. */
    static AuditUnwritableException afterBatch(UncheckedIOException e) {
        return new AuditUnwritableException("The changes were made and their records written, but the audit log"
                + " could not be forced to disk at the end: " + e.getMessage() + ". Check the disk; a crash of"
                + " the machine now could lose the last outcome records (their intent records are on disk).", null, e);
    }

    /** What the server did, when this happened after a command was sent. */
    public Optional<String> applied() {
        return Optional.ofNullable(applied);
    }
}
