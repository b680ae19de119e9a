package dev.autouser.sandbox.security;

import static dev.autouser.sandbox.security.Docs.json;
import static dev.autouser.sandbox.security.TeleportFixture.ADMIN;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The least-privilege {@code teleport-admin-role} of seed 001 (grantRole only on db1 and db2) can do
 * every operation Teleport performs, and nothing else it should not.
 */
class TeleportAdminRoleAuthorizationTest {

    private final SecurityState state = TeleportFixture.leastPrivilege("db1", "db2");
    private final Authorizer authorizer = new Authorizer(state);

    private void allowed(String db, String json) {
        Document command = json(json);
        String name = command.keySet().iterator().next();
        assertDoesNotThrow(() -> authorizer.check(List.of(ADMIN), db, name, command));
    }

    private MongoServerError refused(String db, String json) {
        Document command = json(json);
        String name = command.keySet().iterator().next();
        MongoServerError error = assertThrows(MongoServerError.class,
                () -> authorizer.check(List.of(ADMIN), db, name, command));
        assertEquals(13, error.getCode());
        assertEquals("Unauthorized", error.getCodeName());
        return error;
    }

    @Test
    void listsAutoUsersWithFilterOnExternal() {
        allowed("$external", "{usersInfo: 1, filter: {'customData.teleport-auto-user': true}, $db: '$external'}");
    }

    @Test
    void looksUpOneAutoUserWithRestrictions() {
        allowed("$external", "{usersInfo: [{user: 'CN=alice', db: '$external'}], showAuthenticationRestrictions: true}");
    }

    @Test
    void createsAutoUserWithRolesFromGrantedDatabases() {
        allowed("$external", "{createUser: 'CN=alice', roles: [{role: 'readWrite', db: 'db1'},"
                + " {role: 'myCustomRole', db: 'db2'}], customData: {'teleport-auto-user': true},"
                + " authenticationRestrictions: []}");
    }

    @Test
    void activatesInactiveUserWithUpdateUser() {
        allowed("$external", "{updateUser: 'CN=alice', roles: [{role: 'readWrite', db: 'db1'}],"
                + " authenticationRestrictions: []}");
    }

    @Test
    void deactivatesUserWithEmptyRolesAndLock() {
        allowed("$external", "{updateUser: 'CN=alice', roles: [],"
                + " authenticationRestrictions: [{clientSource: ['0.0.0.0']}]}");
    }

    @Test
    void dropsAutoUser() {
        allowed("$external", "{dropUser: 'CN=alice'}");
    }

    @Test
    void seesEveryonesOperations() {
        allowed("admin", "{currentOp: 1, $ownOps: false, $all: true,"
                + " effectiveUsers: {$elemMatch: {user: 'CN=alice', db: '$external'}}}");
        allowed("admin", "{aggregate: 1, pipeline: [{$currentOp: {allUsers: true, idleConnections: true}},"
                + " {$match: {active: true}}], cursor: {}}");
    }

    @Test
    void refusesGrantingRoleFromDatabaseOutsideItsGrants() {
        MongoServerError error = refused("$external",
                "{createUser: 'CN=alice', roles: [{role: 'read', db: 'db3'}], $db: '$external'}");
        assertEquals("not authorized on $external to execute command { createUser: \"CN=alice\", roles: "
                + "[ { role: \"read\", db: \"db3\" } ], $db: \"$external\" }", error.getMessageWithoutErrorCode());
    }

    @Test
    void refusesGrantingAdminDatabaseRoles() {
        refused("$external", "{createUser: 'CN=alice', roles: [{role: 'readAnyDatabase', db: 'admin'}]}");
        refused("$external", "{updateUser: 'CN=alice', roles: [{role: 'readAnyDatabase', db: 'admin'}]}");
    }

    @Test
    void refusesReadingData() {
        refused("db1", "{find: 'orders', filter: {}}");
        refused("db1", "{aggregate: 'orders', pipeline: [], cursor: {}}");
        refused("db1", "{insert: 'orders', documents: [{a: 1}]}");
    }

    @Test
    void refusesCreatingRoles() {
        refused("admin", "{createRole: 'sneaky', privileges: [], roles: []}");
    }

    @Test
    void refusesViewingOtherRolesButMayViewItsOwn() {
        refused("db2", "{rolesInfo: 'myCustomRole'}");
        refused("admin", "{rolesInfo: 1}");
        allowed("admin", "{rolesInfo: 'teleport-admin-role'}");
    }

    @Test
    void refusesManagingUsersOutsideExternal() {
        refused("admin", "{usersInfo: 1}");
        refused("admin", "{createUser: 'eve', pwd: 'x', roles: []}");
        refused("admin", "{usersInfo: {forAllDBs: true}}");
    }

    @Test
    void mayAlwaysViewItself() {
        allowed("$external", "{usersInfo: 'CN=teleport-admin'}");
        allowed("admin", "{usersInfo: {user: 'CN=teleport-admin', db: '$external'}}");
    }

    @Test
    void hidesPasswordsInTheRefusalMessage() {
        MongoServerError error = refused("admin", "{createUser: 'eve', pwd: 'secret', roles: []}");
        assertTrue(error.getMessageWithoutErrorCode().contains("pwd: \"xxx\""), error.getMessage());
        assertTrue(!error.getMessageWithoutErrorCode().contains("secret"), error.getMessage());
    }

    @Test
    void fullVariantMayGrantAdminDatabaseRoles() {
        Authorizer full = new Authorizer(TeleportFixture.full());
        Document command = json("{createUser: 'CN=alice', roles: [{role: 'readAnyDatabase', db: 'admin'}],"
                + " customData: {'teleport-auto-user': true}, authenticationRestrictions: []}");
        assertDoesNotThrow(() -> full.check(List.of(ADMIN), "$external", "createUser", command));
    }

    @Test
    void updateUserWithRolesNeedsRevokeRoleOnEveryDatabase() {
        SecurityState perDbOnly = new SecurityState();
        RoleId role = RoleId.of("perDb", "admin");
        perDbOnly.roles().put(new CustomRole(role, List.of(
                GrantedPrivilege.of(ResourcePattern.database("$external"), "updateUser", "setAuthenticationRestriction"),
                GrantedPrivilege.of(ResourcePattern.database("db1"), "grantRole", "revokeRole")), List.of()));
        perDbOnly.users().put(StoredUser.x509(ADMIN.user(), List.of(role)));
        Document command = json("{updateUser: 'CN=alice', roles: []}");
        MongoServerError error = assertThrows(MongoServerError.class,
                () -> new Authorizer(perDbOnly).check(List.of(ADMIN), "$external", "updateUser", command));
        assertEquals(13, error.getCode());
    }
}
