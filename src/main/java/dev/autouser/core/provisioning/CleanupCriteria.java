package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;

/**
 * Which auto-users a cleanup takes: never one with a live connection; by default every other one,
 * or only the locked ones, or only the ones not cleaned up (unlocked: Teleport's session-end step did not run).
 */
public record CleanupCriteria(boolean lockedOnly, boolean notCleanedUpOnly, CleanupAction action) {
    public CleanupCriteria {
        if (lockedOnly && notCleanedUpOnly) {
            throw new ConsoleException("Choose locked-only or not-cleaned-up-only, not both: together they match no user.");
        }
        java.util.Objects.requireNonNull(action, "action");
    }

    /** Drop every auto-user without a live connection. */
    public static CleanupCriteria allStale() {
        return new CleanupCriteria(false, false, CleanupAction.DROP);
    }

    public boolean matches(AutoUser user) {
        return switch (user.state()) {
            case ACTIVE -> false;
            case LOCKED -> !notCleanedUpOnly;
            case NOT_CLEANED_UP -> !lockedOnly;
        };
    }

    /** Why a matching user was chosen, in words. */
    public String reason(AutoUser user) {
        return user.locked() ? "locked, no live connection" : "not cleaned up: not locked, no live connection";
    }
}
