package dev.autouser.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * Teleport's latest session-end step for a user as its audit log told it ({@code db.session.user.deactivate}):
 * locked or dropped, or failed (TDB09W) with Teleport's error. Kept in the history so a later policy run
 * or the detail pane can say "Teleport failed to lock/drop" without the audit file.
 *
 * @param drop  Teleport tried to drop the user ({@code delete: true}, mode {@code best_effort_drop}); else to lock it
 * @param error Teleport's error text when it failed; empty when it succeeded
 */
public record TeleportDeactivation(Instant at, boolean succeeded, boolean drop, String error) {
    public TeleportDeactivation {
        Objects.requireNonNull(at, "at");
        error = error == null ? "" : error;
    }

    public boolean failed() {
        return !succeeded;
    }

    /** "lock" or "drop": what Teleport tried. */
    public String action() {
        return drop ? "drop" : "lock";
    }
}
