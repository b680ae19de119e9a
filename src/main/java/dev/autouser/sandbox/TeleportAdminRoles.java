package dev.autouser.sandbox;

import dev.autouser.sandbox.security.CustomRole;
import dev.autouser.sandbox.security.GrantedPrivilege;
import dev.autouser.sandbox.security.ResourcePattern;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code teleport-admin-role@admin} exactly as Teleport's MongoDB auto-provisioning guide (seed 001)
 * creates it, in its full and least-privilege forms, and the {@code CN=teleport-admin} user.
 */
public final class TeleportAdminRoles {
    public static final RoleId ROLE = RoleId.of("teleport-admin-role", "admin");
    public static final String ADMIN_SUBJECT = "CN=teleport-admin";
    public static final List<String> USER_ACTIONS = List.of("createUser", "updateUser", "dropUser", "viewUser",
            "setAuthenticationRestriction", "changeCustomData");

    private TeleportAdminRoles() {
    }

    /** grantRole and revokeRole on every database. */
    public static CustomRole full() {
        return new CustomRole(ROLE, List.of(
                GrantedPrivilege.of(ResourcePattern.CLUSTER, "inprog"),
                GrantedPrivilege.of(ResourcePattern.ANY_NORMAL, "grantRole", "revokeRole"),
                new GrantedPrivilege(ResourcePattern.database("$external"), java.util.Set.copyOf(USER_ACTIONS))),
                List.of());
    }

    /** grantRole only on {@code grantableDbs}; revokeRole still on every database. */
    public static CustomRole leastPrivilege(List<String> grantableDbs) {
        List<GrantedPrivilege> privileges = new ArrayList<>(List.of(
                GrantedPrivilege.of(ResourcePattern.CLUSTER, "inprog"),
                GrantedPrivilege.of(ResourcePattern.ANY_NORMAL, "revokeRole"),
                new GrantedPrivilege(ResourcePattern.database("$external"), java.util.Set.copyOf(USER_ACTIONS))));
        for (String db : grantableDbs) {
            privileges.add(GrantedPrivilege.of(ResourcePattern.database(db), "grantRole"));
        }
        return new CustomRole(ROLE, privileges, List.of());
    }

    /** The full role with one required {@code $external} action missing: a realistic drift. */
    public static CustomRole fullWithout(String missingAction) {
        List<String> actions = new ArrayList<>(USER_ACTIONS);
        actions.remove(missingAction);
        return new CustomRole(ROLE, List.of(
                GrantedPrivilege.of(ResourcePattern.CLUSTER, "inprog"),
                GrantedPrivilege.of(ResourcePattern.ANY_NORMAL, "grantRole", "revokeRole"),
                new GrantedPrivilege(ResourcePattern.database("$external"), java.util.Set.copyOf(actions))),
                List.of());
    }

    /** {@code CN=teleport-admin} in {@code $external} holding the role. */
    public static StoredUser adminUser() {
        return StoredUser.x509(ADMIN_SUBJECT, List.of(ROLE));
    }
}
