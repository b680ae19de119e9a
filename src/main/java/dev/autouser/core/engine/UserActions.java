package dev.autouser.core.engine;

import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupCriteria;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.ProgressListener;

import java.util.List;

/**
 * The console's lock / drop / cleanup on one engine: a plan first (users, reasons, the exact commands
 * in the engine's shell syntax: the dry run), then an execution that re-checks every user right before
 * acting, never touches a connected user or one Teleport does not manage, and audits intent and outcome.
 */
public interface UserActions {
    /** Every auto-user that matches (never a connected one), from one listing. */
    CleanupPlan plan(CleanupCriteria criteria);

    /** A plan for named users; unknown, unmanaged and connected ones are refused with a reason. */
    CleanupPlan planFor(CleanupAction action, List<String> users);

    /**
     * The one listing a policy judges: lost replies settled first, then passed through the recorder of
     * {@link #recordingListingsWith} (the usage history, which returns it with each user's evidence).
     */
    AutoUserListing listForPlan();

    /**
     * A plan of {@code action} for the users a caller (a policy) chose from {@code listing}, each with its
     * reason; connected users are left out whatever the caller chose, and a user already in the wanted
     * state is not planned again.
     */
    CleanupPlan planOf(CleanupAction action, AutoUserListing listing, java.util.Map<String, String> reasons);

    /** Runs the plan; each result is reported as it happens, and one failure does not stop the rest. */
    CleanupReport execute(CleanupPlan plan, ProgressListener listener);

    /**
     * The same actions, but a drop first hands every object the user owns to {@code role}, for engines
     * where users own objects (PostgreSQL); the others refuse.
     */
    default UserActions reassigningOwnedTo(String role) {
        throw new dev.autouser.core.ConsoleException("Users of this engine own no objects: there is nothing to reassign.");
    }

    /**
     * The same actions, but a drop plan leaves a user who owns objects locked rather than planning a drop
     * the server would refuse (PostgreSQL); engines where users own nothing return themselves.
     */
    default UserActions keepingOwnersLocked() {
        return this;
    }

    /**
     * Passes the listing each plan is made from through {@code recorder} (the usage history, which
     * returns it with evidence). Engines whose plans list through it override this; the default
     * records nothing and returns the same actions.
     */
    default UserActions recordingListingsWith(java.util.function.UnaryOperator<AutoUserListing> recorder) {
        return this;
    }

    /** Writes the dry run to the audit log: each planned user and its commands, marked as not run. */
    void recordDryRun(CleanupPlan plan);
}
