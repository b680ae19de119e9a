package dev.autouser.core.audit;

/**
 * The one shape of a refusal in the audit log, for every command (lock, drop, cleanup, activate,
 * deactivate, delete, simulate) in the CLI and the GUI: command {@code "<verb> <user>"} (nothing was
 * sent, so there is no server command to show), target the user, result {@code "refused: <why>"}.
 */
public final class Refusals {
    public static final String RESULT_PREFIX = "refused: ";

    private Refusals() {
    }

    public static AuditRecord record(String server, String identity, String verb, String target, String reason) {
        return AuditRecord.now(server, identity, verb + " " + target, target, RESULT_PREFIX + reason);
    }
}
