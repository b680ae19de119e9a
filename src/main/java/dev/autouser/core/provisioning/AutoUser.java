package dev.autouser.core.provisioning;

import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A database user that Teleport provisioned, with its live connections: in MongoDB a user with
 * {@code customData.teleport-auto-user: true} in {@code $external}; in PostgreSQL a member of the
 * group role {@code teleport-auto-user}.
 *
 * @param mongoName    the user's name in the database: {@code CN=alice} in MongoDB, {@code alice} in
 *                     PostgreSQL (the field keeps its first engine's name; {@link #name()} reads the same)
 * @param teleportName {@code alice}, or {@code remote-alice-root} for a user from another cluster
 * @param rootCluster  for {@code remote-<user>-<cluster>} names, the cluster named there: the user's
 *                     home (root) cluster, where the person logged in before reaching this leaf
 *                     cluster's database; empty for a user of the database's own cluster
 * @param roles        sorted as Teleport sorts them: by database, then role (PostgreSQL roles have no database)
 * @param locked       MongoDB: any authentication restriction's clientSource holds {@code 0.0.0.0};
 *                     PostgreSQL: {@code NOLOGIN}
 * @param customData   the user's customData as the server returned it (empty for PostgreSQL)
 * @param sessions     live connections authenticated as this user ({@code $currentOp}, {@code pg_stat_activity})
 * @param ownedObjects objects the user owns, per database, where the engine can tell cheaply (PostgreSQL:
 *                     {@code pg_shdepend}, which lists every database's owned objects); empty otherwise
 * @param validUntil   when the user's password stops being accepted (PostgreSQL {@code rolvaliduntil}), if set
 */
public record AutoUser(String mongoName, String teleportName, Optional<String> rootCluster, List<RoleRef> roles,
                       boolean locked, Document customData, List<LiveSession> sessions,
                       List<OwnedObjects> ownedObjects, Optional<Instant> validUntil) {
    public AutoUser {
        Objects.requireNonNull(mongoName, "mongoName");
        Objects.requireNonNull(teleportName, "teleportName");
        Objects.requireNonNull(rootCluster, "rootCluster");
        roles = RoleRef.sorted(roles);
        customData = new Document(customData);
        sessions = List.copyOf(sessions);
        ownedObjects = List.copyOf(ownedObjects);
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** A MongoDB auto-user (owned objects and password expiry are PostgreSQL's). */
    public AutoUser(String mongoName, String teleportName, Optional<String> rootCluster, List<RoleRef> roles,
                    boolean locked, Document customData, List<LiveSession> sessions) {
        this(mongoName, teleportName, rootCluster, roles, locked, customData, sessions, List.of(), Optional.empty());
    }

    /** The user's name in the database, whatever the engine ({@code CN=alice}, {@code alice}). */
    public String name() {
        return mongoName;
    }

    /** How many objects the user owns in all databases (0 when unknown or none). */
    public int ownedObjectCount() {
        return ownedObjects.stream().mapToInt(OwnedObjects::count).sum();
    }

    public UserState state() {
        if (!sessions.isEmpty()) {
            return UserState.ACTIVE;
        }
        return locked ? UserState.LOCKED : UserState.NOT_CLEANED_UP;
    }

    /** The person's Teleport user name without the {@code remote-...-cluster} wrapping. */
    public String teleportUser() {
        return TeleportName.fromMongoName(mongoName).user();
    }

    public int connectionCount() {
        return sessions.size();
    }

    public List<String> clientAddresses() {
        return sessions.stream().map(LiveSession::clientAddress).distinct().toList();
    }

    /** Where the sessions are: the members or routers that reported them (empty on a standalone). */
    public List<String> sessionNodes() {
        return sessions.stream().map(LiveSession::node).filter(n -> !n.isEmpty()).distinct().toList();
    }

    public List<String> appNames() {
        return sessions.stream().map(LiveSession::appName).filter(a -> !a.isEmpty()).distinct().toList();
    }

    @Override
    public Document customData() {
        return new Document(customData);
    }
}
