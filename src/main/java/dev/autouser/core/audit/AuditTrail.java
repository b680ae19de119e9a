package dev.autouser.core.audit;

import dev.autouser.core.ServerCommand;
import dev.autouser.core.ConnectionLostException;
import dev.autouser.core.ConsoleException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every change the console makes goes through here: an intent record is written BEFORE the command
 * is sent (if it cannot be written, nothing is sent), and an outcome record after. A lost reply is
 * recorded as "sent, outcome unknown". When the outcome cannot be written, the exception says
 * exactly what was applied, so the person is never left thinking nothing happened.
 *
 * <p>A {@link #grouped} trail (a cleanup of many users) forces each intent record to disk before
 * its change as always, but not each outcome record: that reaches the disk with the next intent
 * (forcing the file forces everything written to it) or with {@link #sync} at the end of the
 * batch, which halves the waits for the disk per change.
 */
public final class AuditTrail {
    private final AuditLog log;
    private final String server;
    private final String identity;
    private final String mark;
    private final boolean grouped;

    public AuditTrail(AuditLog log, String server, String identity) {
        this(log, server, identity, "");
    }

    /** A trail whose every result starts with {@code mark} ("simulation: "), so a reader tells them apart. */
    public AuditTrail(AuditLog log, String server, String identity, String mark) {
        this(log, server, identity, mark, false);
    }

    private AuditTrail(AuditLog log, String server, String identity, String mark, boolean grouped) {
        this.log = log;
        this.server = server;
        this.identity = identity;
        this.mark = mark;
        this.grouped = grouped;
    }

    /**
     * This trail for a batch of changes: outcome records are forced to disk with the next intent
     * record or by {@link #sync}, which the batch must call when it ends (also when it stops early).
     */
    public AuditTrail grouped() {
        return new AuditTrail(log, server, identity, mark, true);
    }

    /**
     * Forces every record written so far to disk: the end of a {@link #grouped} batch.
     *
     * @throws AuditUnwritableException when the disk refuses; the changes were made, the records written
     */
    public void sync() {
        try {
            log.sync();
        } catch (UncheckedIOException e) {
            throw AuditUnwritableException.afterBatch(e);
        }
    }

    public AuditLog log() {
        return log;
    }

    /**
     * Refuses, before any change, when the log cannot take a record.
     *
     * @throws AuditUnwritableException naming the file and why, and that nothing was changed
     */
    public void checkWritable() {
        try {
            log.checkWritable();
        } catch (UncheckedIOException e) {
            throw AuditUnwritableException.beforeChange(e);
        }
    }

    /**
     * Runs one change with its intent and outcome records.
     *
     * @param command  the exact command as a person would type it (mongosh), secrets removed by the log
     * @param target   the user (or role) it changes
     * @param send     sends the command; a {@link ConsoleException} is its failure
     * @param outcome  the outcome record's text for what {@code send} returned ("ok: locked")
     * @throws AuditUnwritableException when the intent cannot be written (nothing sent) or the outcome
     *                                  cannot be written (then it says what the server did)
     */
    public <T> T change(String command, String target, Supplier<T> send, Function<T, String> outcome) {
        AuditRecord intent = AuditRecord.now(server, identity, command, target, mark + AuditRecord.INTENT_RESULT)
                .inPhase(AuditRecord.Phase.INTENT, newActionId());
        try {
            log.append(intent);
        } catch (UncheckedIOException e) {
            throw AuditUnwritableException.beforeChange(e);
        }
        T result;
        try {
            result = send.get();
        } catch (ConsoleException e) {
            String failure = e instanceof ConnectionLostException lost && lost.maybeApplied()
                    ? AuditRecord.OUTCOME_UNKNOWN + ": " + e.getMessage()
                    : "failed: " + e.getMessage();
            writeOutcome(intent, failure);
            throw e;
        }
        writeOutcome(intent, outcome.apply(result));
        return result;
    }

    /**
     * Runs one server command with its intent and outcome records; the records show the command as
     * its engine's shell text ({@link ServerCommand#shellText()}), so the audit says what ran.
     */
    public <T> T change(ServerCommand command, String target, Supplier<T> send, Function<T, String> outcome) {
        return change(command.shellText(), target, send, outcome);
    }

    /** A record about a command decided on without sending it, shown as its engine's shell text. */
    public void note(ServerCommand command, String target, String result) {
        note(command.shellText(), target, result);
    }

    /** A record of something decided without sending a command (a refusal, a skip). */
    public void note(String command, String target, String result) {
        try {
            log.append(AuditRecord.now(server, identity, command, target, mark + result));
        } catch (UncheckedIOException e) {
            throw AuditUnwritableException.beforeChange(e);
        }
    }

    private void writeOutcome(AuditRecord intent, String outcome) {
        try {
            AuditRecord record = intent.next(AuditRecord.Phase.OUTCOME, mark + outcome);
            if (grouped) {
                log.appendUnforced(record);
            } else {
                log.append(record);
            }
        } catch (UncheckedIOException e) {
            throw AuditUnwritableException.afterChange(e, intent, outcome);
        }
    }

    private static String newActionId() {
        return UUID.randomUUID().toString();
    }
}
