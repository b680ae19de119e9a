package dev.autouser.sandbox.security;

import java.util.ArrayList;
import java.util.List;

/** The admin role and users of Teleport's MongoDB auto-provisioning guide (seed 001), seeded directly. */
final class TeleportFixture {

    static final UserId ADMIN = new UserId("CN=teleport-admin", "$external");
    static final UserId DBA = new UserId("CN=dba", "$external");
    static final RoleId ADMIN_ROLE = RoleId.of("teleport-admin-role", "admin");
    static final RoleId CUSTOM_ROLE = RoleId.of("myCustomRole", "db2");

    private TeleportFixture() {
    }

    /** The full variant: grantRole and revokeRole on every database. */
    static SecurityState full() {
        return seeded(List.of(GrantedPrivilege.of(ResourcePattern.ANY_NORMAL, "grantRole", "revokeRole")));
    }

    /** The least-privilege variant: revokeRole everywhere, grantRole only on the given databases. */
    static SecurityState leastPrivilege(String... grantDbs) {
        List<GrantedPrivilege> grants = new ArrayList<>();
        grants.add(GrantedPrivilege.of(ResourcePattern.ANY_NORMAL, "revokeRole"));
        for (String db : grantDbs) {
            grants.add(GrantedPrivilege.of(ResourcePattern.database(db), "grantRole"));
        }
        return seeded(grants);
    }

    private static SecurityState seeded(List<GrantedPrivilege> roleGrants) {
        SecurityState state = new SecurityState();
        List<GrantedPrivilege> privileges = new ArrayList<>();
        privileges.add(GrantedPrivilege.of(ResourcePattern.CLUSTER, "inprog"));
        privileges.addAll(roleGrants);
        privileges.add(GrantedPrivilege.of(ResourcePattern.database("$external"), "createUser", "updateUser", "dropUser",
                "viewUser", "setAuthenticationRestriction", "changeCustomData"));
        state.roles().put(new CustomRole(ADMIN_ROLE, privileges, List.of()));
        state.roles().put(new CustomRole(CUSTOM_ROLE,
                List.of(GrantedPrivilege.of(ResourcePattern.collection("db2", "reports"), "find")), List.of()));
        state.users().put(StoredUser.x509(ADMIN.user(), List.of(ADMIN_ROLE)));
        state.users().put(StoredUser.x509(DBA.user(), List.of(RoleId.of("root", "admin"))));
        return state;
    }
}
