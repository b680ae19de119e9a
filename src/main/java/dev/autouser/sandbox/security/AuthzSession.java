package dev.autouser.sandbox.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The authenticated users of one connection, their direct roles and their resolved privileges. */
record AuthzSession(List<UserId> users, Set<RoleId> directRoles, PrivilegeSet privileges) {

    static AuthzSession resolve(SecurityState state, List<UserId> authenticated) {
        Set<RoleId> direct = new LinkedHashSet<>();
        for (UserId id : authenticated) {
            // A user dropped after logging in keeps its connection but loses every privilege.
            state.acquire(id).ifPresent(user -> direct.addAll(user.roles()));
        }
        PrivilegeSet privileges = new PrivilegeSet(state.roles().privilegesOf(List.copyOf(direct)));
        return new AuthzSession(List.copyOf(authenticated), direct, privileges);
    }

    boolean isAuthenticatedAs(UserId id) {
        return users.contains(id);
    }

    boolean hasDirectRole(RoleId role) {
        return directRoles.contains(role);
    }

    /** Throws {@link NotAuthorized} unless {@code action} is allowed on {@code target}. */
    void require(ResourcePattern target, String action, String reason) {
        if (!privileges.allows(target, action)) {
            throw new NotAuthorized(reason);
        }
    }

    void requireOnDatabase(String db, String action) {
        require(ResourcePattern.database(db), action, "missing " + action + " on database " + db);
    }

    void requireOnCollection(String db, String collection, String action) {
        require(ResourcePattern.collection(db, collection), action,
                "missing " + action + " on " + db + "." + collection);
    }

    void requireOnCluster(String action) {
        require(ResourcePattern.CLUSTER, action, "missing " + action + " on the cluster");
    }
}
