package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.provisioning.RoleRef;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Existing setups for the pure admin-setup tests. */
final class AdminSetupFixtures {
    private AdminSetupFixtures() {
    }

    static ExistingSetup.Role roleWith(Set<Privilege> grants) {
        return new ExistingSetup.Role(AdminRoleSpec.DEFAULT_ROLE, "admin", grants, List.of());
    }

    static ExistingSetup.User adminUser() {
        return new ExistingSetup.User(AdminRoleSpec.DEFAULT_ADMIN_USER, "$external", List.of(new RoleRef(AdminRoleSpec.DEFAULT_ROLE, "admin")));
    }

    static ExistingSetup setupWith(Set<Privilege> grants) {
        return new ExistingSetup(Observation.found(roleWith(grants)), Observation.found(adminUser()), List.of());
    }

    static Set<Privilege> without(Set<Privilege> grants, Privilege removed) {
        Set<Privilege> copy = new HashSet<>(grants);
        copy.remove(removed);
        return copy;
    }
}
