package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.provisioning.UserCommands;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Teleport's MongoDB admin needs (seed 001): the role's name, the admin user, and the scope
 * of {@code grantRole}: every database (the documented form, {@code grantDbs} empty) or only the
 * databases that own the roles in the mapping (the least-privilege form). {@code withViewRole}
 * adds read-only {@code viewRole} on all databases, which Teleport does not need but this console
 * uses to check that {@code db_roles} name existing roles.
 */
public record AdminRoleSpec(String roleName, String adminUser, List<String> grantDbs, boolean withViewRole) {
    public static final String DEFAULT_ROLE = "teleport-admin-role";
    public static final String DEFAULT_ADMIN_USER = "CN=teleport-admin";
    /** The role lives in admin, as in seed 001; the user in $external because Teleport uses X.509. */
    public static final String ROLE_DB = "admin";
    public static final List<String> USER_ADMIN_ACTIONS = List.of("createUser", "updateUser", "dropUser", "viewUser",
            "setAuthenticationRestriction", "changeCustomData");

    public AdminRoleSpec {
        if (roleName == null || roleName.isBlank()) {
            throw new IllegalArgumentException("The admin role needs a name, e.g. " + DEFAULT_ROLE + ".");
        }
        if (adminUser == null || adminUser.isBlank()) {
            throw new IllegalArgumentException("The admin user needs a name, e.g. " + DEFAULT_ADMIN_USER + ".");
        }
        grantDbs = List.copyOf(new LinkedHashSet<>(grantDbs.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()));
    }

    /** Seed 001's first form with the default names. */
    public static AdminRoleSpec full() {
        return new AdminRoleSpec(DEFAULT_ROLE, DEFAULT_ADMIN_USER, List.of(), false);
    }

    public AdminRoleSpec withGrantDbs(List<String> dbs) {
        return new AdminRoleSpec(roleName, adminUser, dbs, withViewRole);
    }

    public AdminRoleSpec withViewRole(boolean on) {
        return new AdminRoleSpec(roleName, adminUser, grantDbs, on);
    }

    public boolean leastPrivilege() {
        return !grantDbs.isEmpty();
    }

    /** The privileges in seed 001's order, so scripts read like the documentation. */
    public List<Document> privileges() {
        return Privilege.toDocuments(grants());
    }

    public Set<Privilege> grants() {
        Set<Privilege> grants = new LinkedHashSet<>();
        grants.add(Privilege.onCluster("inprog"));
        List<String> allDbActions = new ArrayList<>();
        if (!leastPrivilege()) {
            allDbActions.add("grantRole");
        }
        allDbActions.add("revokeRole");
        if (withViewRole) {
            allDbActions.add("viewRole");
        }
        allDbActions.forEach(a -> grants.add(Privilege.onEveryDatabase(a)));
        USER_ADMIN_ACTIONS.forEach(a -> grants.add(Privilege.onDatabase(a, UserCommands.EXTERNAL)));
        grantDbs.forEach(db -> grants.add(Privilege.onDatabase("grantRole", db)));
        return grants;
    }
}
