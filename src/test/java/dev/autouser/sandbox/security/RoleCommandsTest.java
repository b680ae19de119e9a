package dev.autouser.sandbox.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleCommandsTest {

    private final AdminCommandRun umc = new AdminCommandRun(TeleportFixture.full());
    private final SecurityState state = umc.state;

    @Test
    void createRoleStoresPrivilegesAndInheritance() {
        umc.run("db1", "{createRole: 'reporter', privileges: [{resource: {db: 'db1', collection: 'sales'},"
                + " actions: ['find']}], roles: ['read']}");
        CustomRole role = state.roles().find(RoleId.of("reporter", "db1")).orElseThrow();
        assertEquals(List.of(RoleId.of("read", "db1")), role.roles());
        assertEquals(List.of(GrantedPrivilege.of(ResourcePattern.collection("db1", "sales"), "find")), role.privileges());
    }

    @Test
    void createRoleRefusesDuplicates() {
        MongoServerError error = umc.fails("admin", "{createRole: 'teleport-admin-role', privileges: [], roles: []}");
        assertEquals(51002, error.getCode());
        assertEquals("Role \"teleport-admin-role@admin\" already exists", error.getMessageWithoutErrorCode());
    }

    @Test
    void onlyAdminRolesMayTargetOtherDatabasesOrTheCluster() {
        for (String resource : List.of("{db: 'db2', collection: ''}", "{db: '', collection: ''}", "{cluster: true}")) {
            MongoServerError error = umc.fails("db1", "{createRole: 'wide', privileges: [{resource: " + resource
                    + ", actions: ['find']}], roles: []}");
            assertEquals(49, error.getCode(), resource);
            assertEquals("Roles on the 'db1' database cannot be granted privileges that target other databases"
                    + " or the cluster", error.getMessageWithoutErrorCode());
        }
        umc.run("admin", "{createRole: 'wide', privileges: [{resource: {cluster: true}, actions: ['inprog']},"
                + " {resource: {db: 'db2', collection: ''}, actions: ['find']}], roles: []}");
    }

    @Test
    void unknownActionsAreRefused() {
        MongoServerError error = umc.fails("admin", "{createRole: 'bad', privileges: [{resource: {cluster: true},"
                + " actions: ['fly']}], roles: []}");
        assertEquals(9, error.getCode());
        assertEquals("Unrecognized action privilege string: fly", error.getMessageWithoutErrorCode());
    }

    @Test
    void rolesOutsideAdminInheritOnlyFromTheirDatabaseAndMustExist() {
        assertEquals(49, umc.fails("db1", "{createRole: 'r', privileges: [], roles: [{role: 'read', db: 'db2'}]}")
                .getCode());
        MongoServerError missing = umc.fails("db1", "{createRole: 'r', privileges: [], roles: ['ghost']}");
        assertEquals(31, missing.getCode());
        assertEquals("Cannot grant roles to 'r@db1': Could not find role: ghost@db1",
                missing.getMessageWithoutErrorCode());
    }

    @Test
    void builtinNamesAndSpecialDatabasesAreRefused() {
        assertEquals(2, umc.fails("admin", "{createRole: 'root', privileges: [], roles: []}").getCode());
        assertEquals(2, umc.fails("$external", "{createRole: 'x', privileges: [], roles: []}").getCode());
        assertEquals(2, umc.fails("local", "{createRole: 'x', privileges: [], roles: []}").getCode());
    }

    @Test
    void updateRoleRefusesCycles() {
        umc.run("admin", "{createRole: 'a', privileges: [], roles: []}");
        umc.run("admin", "{createRole: 'b', privileges: [], roles: ['a']}");
        MongoServerError error = umc.fails("admin", "{updateRole: 'a', roles: ['b']}");
        assertEquals(49, error.getCode());
        assertEquals("Granting roles to a@admin would introduce a cycle in the role graph",
                error.getMessageWithoutErrorCode());
    }

    @Test
    void updateRoleReplacesPrivilegesAndMissingRoleIsRoleNotFound() {
        umc.run("db2", "{updateRole: 'myCustomRole', privileges: [{resource: {db: 'db2', collection: 'x'},"
                + " actions: ['insert']}]}");
        assertEquals(List.of(GrantedPrivilege.of(ResourcePattern.collection("db2", "x"), "insert")),
                state.roles().find(TeleportFixture.CUSTOM_ROLE).orElseThrow().privileges());
        assertEquals(31, umc.fails("db2", "{updateRole: 'ghost', roles: []}").getCode());
        assertEquals(2, umc.fails("db2", "{updateRole: 'myCustomRole'}").getCode());
    }

    @Test
    void grantPrivilegesToRoleMergesActionsPerResource() {
        umc.run("db2", "{grantPrivilegesToRole: 'myCustomRole', privileges: [{resource: {db: 'db2',"
                + " collection: 'reports'}, actions: ['insert']}]}");
        assertEquals(List.of(GrantedPrivilege.of(ResourcePattern.collection("db2", "reports"), "find", "insert")),
                state.roles().find(TeleportFixture.CUSTOM_ROLE).orElseThrow().privileges());
        assertEquals(2, umc.fails("db2", "{grantPrivilegesToRole: 'read', privileges: [{resource: {db: 'db2',"
                + " collection: ''}, actions: ['insert']}]}").getCode());
    }

    @Test
    void dropRoleRevokesItFromUsersAndRoles() {
        UserId carol = new UserId("CN=carol", "$external");
        state.users().put(StoredUser.x509(carol.user(), List.of(TeleportFixture.CUSTOM_ROLE)));
        umc.run("db2", "{createRole: 'wrapper', privileges: [], roles: ['myCustomRole']}");
        umc.run("db2", "{dropRole: 'myCustomRole'}");
        assertTrue(state.roles().find(TeleportFixture.CUSTOM_ROLE).isEmpty());
        assertTrue(state.users().find(carol).orElseThrow().roles().isEmpty());
        assertTrue(state.roles().find(RoleId.of("wrapper", "db2")).orElseThrow().roles().isEmpty());
        assertEquals(31, umc.fails("db2", "{dropRole: 'myCustomRole'}").getCode());
        MongoServerError builtin = umc.fails("admin", "{dropRole: 'root'}");
        assertEquals(2, builtin.getCode());
        assertEquals("root@admin is a built-in role and cannot be modified", builtin.getMessageWithoutErrorCode());
    }

    @Test
    void revokePrivilegesRemovesActionsAndEmptyEntries() {
        umc.run("admin", "{revokePrivilegesFromRole: 'teleport-admin-role', privileges: [{resource: {cluster: true},"
                + " actions: ['inprog']}, {resource: {db: '$external', collection: ''}, actions: ['dropUser']}]}");
        PrivilegeSet remaining = new PrivilegeSet(state.roles().find(TeleportFixture.ADMIN_ROLE).orElseThrow().privileges());
        assertTrue(!remaining.allowsOnCluster("inprog"));
        assertTrue(!remaining.allowsOnDatabase("$external", "dropUser"));
        assertTrue(remaining.allowsOnDatabase("$external", "createUser"));
    }

    @Test
    void revokePrivilegesFromRoleRefusesBuiltinMissingAndEmptyLikeMongoDb() {
        MongoServerError builtin = umc.fails("admin", "{revokePrivilegesFromRole: 'root', privileges: [{resource:"
                + " {cluster: true}, actions: ['inprog']}]}");
        assertEquals(2, builtin.getCode());
        assertEquals("root@admin is a built-in role and cannot be modified", builtin.getMessageWithoutErrorCode());
        MongoServerError missing = umc.fails("admin", "{revokePrivilegesFromRole: 'ghost', privileges: [{resource:"
                + " {cluster: true}, actions: ['inprog']}]}");
        assertEquals(31, missing.getCode());
        assertEquals("Role ghost@admin not found", missing.getMessageWithoutErrorCode());
        assertEquals(2, umc.fails("admin", "{revokePrivilegesFromRole: 'teleport-admin-role', privileges: []}").getCode());
        assertEquals(40414, umc.fails("admin", "{revokePrivilegesFromRole: 'teleport-admin-role'}").getCode());
        assertEquals(40415, umc.fails("admin", "{revokePrivilegesFromRole: 'teleport-admin-role', privileges: [{resource:"
                + " {cluster: true}, actions: ['inprog']}], roles: []}").getCode());
    }

    @Test
    void revokingPrivilegesTheRoleDoesNotHoldChangesNothing() {
        List<GrantedPrivilege> before = state.roles().find(TeleportFixture.ADMIN_ROLE).orElseThrow().privileges();
        umc.run("admin", "{revokePrivilegesFromRole: 'teleport-admin-role', privileges: [{resource: {db: 'db9',"
                + " collection: 'x'}, actions: ['find']}]}");
        assertEquals(before, state.roles().find(TeleportFixture.ADMIN_ROLE).orElseThrow().privileges());
    }

    @Test
    void grantAndRevokeRolesToRoleChangeInheritance() {
        umc.run("db2", "{createRole: 'wrapper', privileges: [], roles: []}");
        umc.run("db2", "{grantRolesToRole: 'wrapper', roles: ['myCustomRole', 'read']}");
        assertEquals(List.of(TeleportFixture.CUSTOM_ROLE, RoleId.of("read", "db2")),
                state.roles().find(RoleId.of("wrapper", "db2")).orElseThrow().roles());
        assertEquals(49, umc.fails("db2", "{grantRolesToRole: 'myCustomRole', roles: ['wrapper']}").getCode(),
                "a cycle is refused");
        umc.run("db2", "{revokeRolesFromRole: 'wrapper', roles: ['read', 'never-existed']}");
        assertEquals(List.of(TeleportFixture.CUSTOM_ROLE),
                state.roles().find(RoleId.of("wrapper", "db2")).orElseThrow().roles(),
                "MongoDB erases the named roles; one that does not exist is no error");
    }

    @Test
    void roleToRoleGrantsRefuseBuiltinMissingAndEmptyLikeMongoDb() {
        assertEquals(2, umc.fails("admin", "{grantRolesToRole: 'root', roles: ['read']}").getCode());
        assertEquals(2, umc.fails("admin", "{revokeRolesFromRole: 'root', roles: ['read']}").getCode());
        MongoServerError missing = umc.fails("db2", "{grantRolesToRole: 'ghost', roles: ['read']}");
        assertEquals(31, missing.getCode());
        assertEquals("Role ghost@db2 not found", missing.getMessageWithoutErrorCode());
        assertEquals(31, umc.fails("db2", "{revokeRolesFromRole: 'ghost', roles: ['read']}").getCode());
        MongoServerError missingGranted = umc.fails("db2", "{grantRolesToRole: 'myCustomRole', roles: ['nope']}");
        assertEquals(31, missingGranted.getCode());
        assertEquals("Cannot grant roles to 'myCustomRole@db2': Could not find role: nope@db2",
                missingGranted.getMessageWithoutErrorCode());
        assertEquals(2, umc.fails("db2", "{grantRolesToRole: 'myCustomRole', roles: []}").getCode());
        assertEquals(2, umc.fails("db2", "{revokeRolesFromRole: 'myCustomRole', roles: []}").getCode());
    }
}
