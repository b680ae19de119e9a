package dev.autouser.core.engine;

import java.util.List;

/**
 * What Teleport's Database Service does to an auto-user at session start and end, for one engine
 * (Teleport: {@code ActivateUser}, {@code DeactivateUser} in {@code keep} mode, {@code DeleteUser} in
 * {@code best_effort_drop} mode). The console runs it to reproduce, repair or simulate Teleport.
 * Refusals (a name Teleport does not manage, roles changed while connected) are thrown as
 * {@code ConsoleException} with Teleport's message, and audited.
 */
public interface TeleportProvisioning {
    /** Session start: create or re-enable {@code teleportUser} with exactly {@code roles} (engine syntax). */
    SessionOutcome activate(String teleportUser, List<String> roles);

    /** Session end in {@code keep} mode: strip roles and lock, unless still connected. */
    SessionOutcome deactivate(String teleportUser);

    /** Session end in {@code best_effort_drop} mode: drop (or what the engine does instead), unless still connected. */
    SessionOutcome delete(String teleportUser);

    /** What one call did, in words a person reads in a report or an audit record. */
    enum SessionOutcome {
        CREATED("created"),
        ACTIVATED("activated"),
        UNCHANGED_ACTIVE("already active with the same roles: nothing to do"),
        SKIPPED_ACTIVE("has active connections: skipped"),
        LOCKED("deactivated (roles removed, locked)"),
        DROPPED("dropped"),
        LOCKED_INSTEAD_OF_DROP("owns objects, so it was deactivated instead of dropped");

        private final String description;

        SessionOutcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
