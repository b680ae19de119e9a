package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.provisioning.RoleRef;

import java.util.List;
import java.util.Set;

/**
 * The admin role and user as the server has them. {@code role.grants} are the effective ones
 * (rolesInfo's inheritedPrivileges, so privileges from inherited roles count);
 * {@code sameNameElsewhere} holds users with the admin's name in other databases (e.g. admin),
 * the classic "wrong authentication database" mistake.
 */
public record ExistingSetup(Observation<Role> role, Observation<User> user, List<User> sameNameElsewhere) {
    public record Role(String name, String db, Set<Privilege> grants, List<RoleRef> inheritedRoles) {
        public Role {
            grants = Set.copyOf(grants);
            inheritedRoles = List.copyOf(inheritedRoles);
        }
    }

    public record User(String name, String db, List<RoleRef> roles) {
        public User {
            roles = List.copyOf(roles);
        }
    }

    public ExistingSetup {
        sameNameElsewhere = List.copyOf(sameNameElsewhere);
    }

    /** Nothing there yet: a fresh server. */
    public static ExistingSetup empty() {
        return new ExistingSetup(Observation.absent(), Observation.absent(), List.of());
    }
}
