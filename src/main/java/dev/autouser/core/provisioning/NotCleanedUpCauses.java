package dev.autouser.core.provisioning;

import java.util.List;

/**
 * Why a user can be "not cleaned up" (unlocked, no session the console saw). Each cause is a fact:
 * the Teleport ones from Teleport's source (cited in {@code NotCleanedUpCausesTest}), the topology
 * one shown against the sandbox by the same test.
 */
public final class NotCleanedUpCauses {
    /** The headline of the detail pane and the CLI's explanation. */
    public static final String MEANING = "Not cleaned up: Teleport locks (keep) or drops (best_effort_drop) an"
            + " auto-user when its session ends; this one is unlocked and no session was seen, so that step did not"
            + " run or did not succeed.";

    /** The causes, most common first. */
    public static final List<String> CAUSES = List.of(
            "The Teleport database agent restarted or crashed during the session: the lock or drop runs in the"
                    + " agent that served the session, when that session's connection handling returns.",
            "The session was in auto-user mode off (the role's create_db_user_mode): Teleport neither activates"
                    + " nor cleans up a user in such a session.",
            "Teleport's lock or drop command failed (the agent only logs \"Failed to deactivate the user.\"), for"
                    + " example because its admin role lacks a privilege: Admin setup shows which.",
            "The session is on a member or mongos router the console did not ask: a router not named in the"
                    + " connection string, or a member that did not answer (the listing warns).");

    private NotCleanedUpCauses() {
    }
}
