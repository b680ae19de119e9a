package dev.autouser.core.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Teleport's audit log says about one database user.
 *
 * @param databaseUser       the database user name as Teleport logged it ({@code alice}; the MongoDB user is {@code CN=alice})
 * @param lastSeen           the latest session start or end (the user was in use then)
 * @param teleportUser       who it was: the Teleport user of the latest event
 * @param teleportRoles      that user's Teleport roles, when the event carries them ({@code user_roles}, newer Teleport)
 * @param databaseRoles      the database roles Teleport gave the user on its latest session
 * @param lastDeactivation   Teleport's latest {@code db.session.user.deactivate} for the user, if any
 * @param lastCreateFailure  the error of a {@code db.session.user.create} that failed (TDB08W) after the last success
 * @param identityAt         the time of the latest event that named the Teleport user; empty when none did
 */
public record TeleportUserActivity(String databaseUser, Optional<Instant> lastSeen, String teleportUser,
                                   List<String> teleportRoles, List<String> databaseRoles,
                                   Optional<Deactivation> lastDeactivation, Optional<String> lastCreateFailure,
                                   Optional<Instant> identityAt) {
    /** Teleport's session-end step for the user: locked or dropped, or failed (TDB09W, with its error). */
    public record Deactivation(Instant time, boolean success, boolean deleted, String error) {
    }

    public TeleportUserActivity {
        teleportRoles = List.copyOf(teleportRoles);
        databaseRoles = List.copyOf(databaseRoles);
    }

    /** The MongoDB user name Teleport's MongoDB auto-user provisioning gives this database user. */
    public String mongoName() {
        return databaseUser.startsWith("CN=") ? databaseUser : "CN=" + databaseUser;
    }

    /** The user's name in {@code engine}'s database: PostgreSQL's role is the name Teleport logged, MongoDB's is CN=. */
    public String nameIn(dev.autouser.core.engine.Engine engine) {
        return engine == dev.autouser.core.engine.Engine.POSTGRESQL ? databaseUser : mongoName();
    }

    /** Who it was, for the history: the Teleport user, its roles and the database roles, at the latest event naming them. */
    public Optional<dev.autouser.core.history.TeleportIdentity> identity() {
        return identityAt.map(at -> new dev.autouser.core.history.TeleportIdentity(at, teleportUser, teleportRoles,
                databaseRoles));
    }

    /** Teleport's last attempt to lock or drop the user failed, and no later one succeeded. */
    public boolean deactivationFailed() {
        return lastDeactivation.map(d -> !d.success()).orElse(false);
    }
}
