package dev.autouser.core.provisioning;

import org.bson.Document;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A MongoDB user that Teleport provisioned ({@code customData.teleport-auto-user: true} in
 * {@code $external}), with its live connections.
 *
 * @param mongoName    {@code CN=alice}
 * @param teleportName {@code alice}, or {@code remote-alice-root} for a user from another cluster
 * @param rootCluster  for {@code remote-<user>-<cluster>} names, the cluster named there: the user's
 *                     home (root) cluster, where the person logged in before reaching this leaf
 *                     cluster's database; empty for a user of the database's own cluster
 * @param roles        sorted as Teleport sorts them: by database, then role
 * @param locked       any authentication restriction's clientSource holds {@code 0.0.0.0}
 * @param customData   the user's customData as the server returned it
 * @param sessions     live connections authenticated as this user (from {@code $currentOp})
 */
public record AutoUser(String mongoName, String teleportName, Optional<String> rootCluster, List<RoleRef> roles,
                       boolean locked, Document customData, List<LiveSession> sessions) {
    public AutoUser {
        Objects.requireNonNull(mongoName, "mongoName");
        Objects.requireNonNull(teleportName, "teleportName");
        Objects.requireNonNull(rootCluster, "rootCluster");
        roles = RoleRef.sorted(roles);
        customData = new Document(customData);
        sessions = List.copyOf(sessions);
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
