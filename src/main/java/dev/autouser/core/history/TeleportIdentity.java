package dev.autouser.core.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who used a database user, as Teleport's audit log told it on its latest event that named a person:
 * the Teleport user, that user's Teleport roles ({@code user_roles}, empty when the event did not carry
 * them) and the database roles Teleport gave the session ({@code db_roles}). Kept in the history so the
 * detail pane and the exports can say who it was without the audit file.
 *
 * @param at when the event that told it happened (a newer import replaces an older identity, never the reverse)
 */
public record TeleportIdentity(Instant at, String teleportUser, List<String> teleportRoles, List<String> databaseRoles) {
    public TeleportIdentity {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(teleportUser, "teleportUser");
        teleportRoles = List.copyOf(teleportRoles);
        databaseRoles = List.copyOf(databaseRoles);
    }
}
