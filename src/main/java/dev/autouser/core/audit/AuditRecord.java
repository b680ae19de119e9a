package dev.autouser.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change the console made (or tried): when, who (tool, version, GUI or CLI, OS user, host),
 * against which server, authenticated as whom, the exact command (secrets removed), the user it
 * targeted, what came of it ("ok", "skipped: ...", "failed: ...") and the run it belongs to.
 * Records made with {@link #now} leave origin and run to the {@link AuditLog} that writes them.
 *
 * <p>A change leaves two records with the same {@code actionId}: an {@link Phase#INTENT} written
 * before the command is sent and an {@link Phase#OUTCOME} after ("ok", "failed: ...", "sent,
 * outcome unknown: ..."); a lost reply is settled later by a {@link Phase#RESOLUTION}. Records
 * written without phases (refusals, older versions) read as outcomes.
 */
public record AuditRecord(Instant time, Origin origin, String server, String identity, String command,
                          String targetUser, String result, Run run, Phase phase, String actionId) {
    /** Where in the life of one change a record was written. */
    public enum Phase {
        INTENT, OUTCOME, RESOLUTION;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Phase of(String word) {
            for (Phase phase : values()) {
                if (phase.word().equals(word)) {
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
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(run, "run");
        server = Objects.requireNonNullElse(server, "");
        identity = Objects.requireNonNullElse(identity, "");
        command = AuditLog.redact(Objects.requireNonNullElse(command, ""));
        targetUser = Objects.requireNonNullElse(targetUser, "");
        result = AuditLog.redact(Objects.requireNonNullElse(result, ""));
        phase = Objects.requireNonNullElse(phase, Phase.OUTCOME);
        actionId = Objects.requireNonNullElse(actionId, "");
    }

    /** A record outside the intent/outcome pairing (a refusal, a skip: nothing was sent). */
    public AuditRecord(Instant time, Origin origin, String server, String identity, String command,
                       String targetUser, String result, Run run) {
        this(time, origin, server, identity, command, targetUser, result, run, Phase.OUTCOME, "");
    }

    /** A record as older versions wrote it: only the OS user is known of its origin, and no run. */
    public AuditRecord(Instant time, String osUser, String server, String identity, String command,
                       String targetUser, String result) {
        this(time, Origin.UNKNOWN.withOsUser(osUser), server, identity, command, targetUser, result, Run.NONE);
    }

    /** A record stamped now with the current OS user; the log adds the rest of the origin and the run. */
    public static AuditRecord now(String server, String identity, String command, String targetUser, String result) {
        return new AuditRecord(Instant.now(), System.getProperty("user.name", ""), server, identity, command,
                targetUser, result);
    }

    public String osUser() {
        return origin.osUser();
    }

    public Outcome outcome() {
        return Outcome.of(result);
    }

    /** This record as written by a log running as {@code origin} in {@code run} (what the record already says wins). */
    AuditRecord stamped(Origin writer, Run current) {
        Origin mine = origin.tool().isEmpty() ? writer.withOsUser(origin.osUser().isEmpty() ? writer.osUser() : origin.osUser()) : origin;
        Run theirs = run.exists() ? run : current;
        return new AuditRecord(time, mine, server, identity, command, targetUser, result, theirs, phase, actionId);
    }

    /** This record as one phase of the change {@code id}. */
    public AuditRecord inPhase(Phase newPhase, String id) {
        return new AuditRecord(time, origin, server, identity, command, targetUser, result, run, newPhase, id);
    }

    /** The same change in another phase, stamped now. */
    public AuditRecord next(Phase nextPhase, String nextResult) {
        return new AuditRecord(Instant.now(), origin, server, identity, command, targetUser, nextResult, run, nextPhase,
                actionId);
    }

    /** True for an outcome that says the reply was lost, so the change may or may not have happened. */
    public boolean outcomeUnknown() {
        // a marked trail ("simulation: ") puts its mark first
        return phase == Phase.OUTCOME && result.contains(OUTCOME_UNKNOWN + ":");
    }
}
