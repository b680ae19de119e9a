package dev.autouser.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change the console made (or tried): when, which OS user ran the console, against which
 * server, authenticated as whom, the exact command (secrets removed), the user it targeted and
 * what came of it ("ok", "skipped: ...", "failed: ...", "sent, outcome unknown: ...").
 *
 * <p>A change leaves two records with the same {@code actionId}: an {@link Phase#INTENT} written
 * before the command is sent and an {@link Phase#OUTCOME} after; a lost reply is settled later by a
 * {@link Phase#RESOLUTION}. Records written before phases existed read as outcomes.
 */
public record AuditRecord(Instant time, String osUser, String server, String identity, String command,
                          String targetUser, String result, Phase phase, String actionId) {
    /** Where in the life of one change a record was written. */
    public enum Phase {
        INTENT, OUTCOME, RESOLUTION;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Phase parse(String text) {
            for (Phase phase : values()) {
                if (phase.jsonName().equals(text)) {
                    return phase;
                }
            }
            return OUTCOME;
        }
    }

    /** The result text of an intent record. */
    public static final String INTENT_RESULT = "intent: about to run";
    /** How the outcome of a command whose reply was lost begins. */
    public static final String OUTCOME_UNKNOWN = "sent, outcome unknown";

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        osUser = Objects.requireNonNullElse(osUser, "");
        server = Objects.requireNonNullElse(server, "");
        identity = Objects.requireNonNullElse(identity, "");
        command = AuditLog.redact(Objects.requireNonNullElse(command, ""));
        targetUser = Objects.requireNonNullElse(targetUser, "");
        result = AuditLog.redact(Objects.requireNonNullElse(result, ""));
        phase = Objects.requireNonNullElse(phase, Phase.OUTCOME);
        actionId = Objects.requireNonNullElse(actionId, "");
    }

    /** An outcome record without an intent (refusals, skips: nothing was sent). */
    public AuditRecord(Instant time, String osUser, String server, String identity, String command,
                       String targetUser, String result) {
        this(time, osUser, server, identity, command, targetUser, result, Phase.OUTCOME, "");
    }

    /** A record stamped now with the current OS user. */
    public static AuditRecord now(String server, String identity, String command, String targetUser, String result) {
        return new AuditRecord(Instant.now(), System.getProperty("user.name", ""), server, identity, command,
                targetUser, result);
    }

    /** The same change in another phase, stamped now. */
    public AuditRecord next(Phase nextPhase, String nextResult) {
        return new AuditRecord(Instant.now(), osUser, server, identity, command, targetUser, nextResult, nextPhase,
                actionId);
    }

    /** True for an outcome that says the reply was lost, so the change may or may not have happened. */
    public boolean outcomeUnknown() {
        // a marked trail ("simulation: ") puts its mark first
        return phase == Phase.OUTCOME && result.contains(OUTCOME_UNKNOWN + ":");
    }
}
