package dev.autouser.sandbox.security;

import static dev.autouser.sandbox.security.Docs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserWriteCommandsTest {

    private static final UserId ALICE = new UserId("CN=alice", "$external");

    private final AdminCommandRun umc = new AdminCommandRun(TeleportFixture.full());
    private final SecurityState state = umc.state;

    private void createAlice() {
        umc.run("$external", "{createUser: 'CN=alice', roles: [{role: 'readWrite', db: 'db1'}, {role: 'myCustomRole', db: 'db2'}],"
                + " customData: {'teleport-auto-user': true}, authenticationRestrictions: []}");
    }

    @Test
    void createUserStoresRolesCustomDataAndNoCredentialsForExternal() {
        assertEquals(1.0, umc.run("$external", "{createUser: 'CN=alice', roles: [{role: 'readWrite', db: 'db1'}],"
                + " customData: {'teleport-auto-user': true}, authenticationRestrictions: []}").get("ok"));
        StoredUser alice = state.users().find(ALICE).orElseThrow();
        assertEquals(List.of(RoleId.of("readWrite", "db1")), alice.roles());
        assertEquals(json("{'teleport-auto-user': true}"), alice.customData().orElseThrow());
        assertTrue(alice.restrictions().isEmpty());
        assertTrue(alice.scram().isEmpty());
    }

    @Test
    void createUserResolvesBareRoleNamesInTheCommandsDatabase() {
        MongoServerError error = umc.fails("$external", "{createUser: 'CN=alice', roles: ['myCustomRole']}");
        assertEquals(31, error.getCode());
        assertEquals("Could not find role: myCustomRole@$external", error.getMessageWithoutErrorCode());
    }

    @Test
    void createUserRefusesDuplicates() {
        createAlice();
        MongoServerError error = umc.fails("$external", "{createUser: 'CN=alice', roles: []}");
        assertEquals(51003, error.getCode());
        assertEquals("User \"CN=alice@$external\" already exists", error.getMessageWithoutErrorCode());
    }

    @Test
    void createUserRefusesUnknownRoles() {
        MongoServerError error = umc.fails("$external", "{createUser: 'CN=alice', roles: [{role: 'nope', db: 'db1'}]}");
        assertEquals(31, error.getCode());
        assertEquals("RoleNotFound", error.getCodeName());
        assertEquals("Could not find role: nope@db1", error.getMessageWithoutErrorCode());
        assertTrue(state.users().find(ALICE).isEmpty());
    }

    @Test
    void everyUnknownRoleIsNamed() {
        MongoServerError error = umc.fails("$external", "{createUser: 'CN=alice', roles: [{role: 'a', db: 'db1'},"
                + " {role: 'read', db: 'db1'}, {role: 'b', db: 'db2'}]}");
        assertEquals("Could not find roles: a@db1, b@db2", error.getMessageWithoutErrorCode());
    }

    @Test
    void adminOnlyBuiltinRolesDoNotExistInOtherDatabases() {
        assertEquals(31, umc.fails("$external", "{createUser: 'CN=alice', roles: [{role: 'readAnyDatabase', db: 'db1'}]}")
                .getCode());
    }

    @Test
    void externalUsersMustNotHaveAPasswordAndOthersMust() {
        MongoServerError external = umc.fails("$external", "{createUser: 'CN=alice', pwd: 'x', roles: []}");
        assertEquals(2, external.getCode());
        assertEquals("Cannot set the password for users defined on the '$external' database",
                external.getMessageWithoutErrorCode());
        MongoServerError local = umc.fails("admin", "{createUser: 'eve', roles: []}");
        assertEquals(2, local.getCode());
        assertTrue(local.getMessageWithoutErrorCode().startsWith("Must provide a 'pwd' field"));
    }

    @Test
    void passwordUsersGetScramSha256Credentials() {
        umc.run("admin", "{createUser: 'ops', pwd: 'correct horse', roles: ['readAnyDatabase']}");
        ScramCredential credential = state.users().find(new UserId("ops", "admin")).orElseThrow().scram().orElseThrow();
        assertTrue(credential.matches("correct horse"));
        assertEquals(ScramCredential.DEFAULT_ITERATIONS, credential.iterationCount());
    }

    @Test
    void updateUserReplacesRolesAndLocks() {
        createAlice();
        umc.run("$external", "{updateUser: 'CN=alice', roles: [],"
                + " authenticationRestrictions: [{clientSource: ['0.0.0.0']}]}");
        StoredUser alice = state.users().find(ALICE).orElseThrow();
        assertTrue(alice.roles().isEmpty());
        assertEquals(List.of(AuthenticationRestriction.teleportLock()), alice.restrictions());
        assertEquals(json("{'teleport-auto-user': true}"), alice.customData().orElseThrow(), "customData is kept");
    }

    @Test
    void updateUserWithEmptyRestrictionsUnlocks() {
        createAlice();
        umc.run("$external", "{updateUser: 'CN=alice', authenticationRestrictions: [{clientSource: ['0.0.0.0']}]}");
        umc.run("$external", "{updateUser: 'CN=alice', roles: [{role: 'myCustomRole', db: 'db2'}], authenticationRestrictions: []}");
        assertTrue(state.users().find(ALICE).orElseThrow().restrictions().isEmpty());
    }

    @Test
    void updateUserOfMissingUserIsUserNotFound() {
        MongoServerError error = umc.fails("$external", "{updateUser: 'CN=ghost', roles: []}");
        assertEquals(11, error.getCode());
        assertEquals("UserNotFound", error.getCodeName());
        assertEquals("User CN=ghost@$external not found", error.getMessageWithoutErrorCode());
    }

    @Test
    void updateUserNeedsSomethingToUpdate() {
        createAlice();
        assertEquals(2, umc.fails("$external", "{updateUser: 'CN=alice'}").getCode());
    }

    @Test
    void dropUserRemovesAndSecondDropIsUserNotFound() {
        createAlice();
        umc.run("$external", "{dropUser: 'CN=alice'}");
        assertTrue(state.users().find(ALICE).isEmpty());
        MongoServerError error = umc.fails("$external", "{dropUser: 'CN=alice'}");
        assertEquals(11, error.getCode());
        assertEquals("User 'CN=alice@$external' not found", error.getMessageWithoutErrorCode());
    }

    @Test
    void recreatedUserGetsANewUserId() {
        createAlice();
        var first = state.users().find(ALICE).orElseThrow().userId();
        umc.run("$external", "{dropUser: 'CN=alice'}");
        createAlice();
        assertNotEquals(first, state.users().find(ALICE).orElseThrow().userId());
    }

    @Test
    void grantAndRevokeRolesChangeOnlyTheNamedRoles() {
        createAlice();
        umc.run("$external", "{grantRolesToUser: 'CN=alice', roles: [{role: 'read', db: 'db3'}]}");
        umc.run("$external", "{revokeRolesFromUser: 'CN=alice', roles: [{role: 'readWrite', db: 'db1'}]}");
        assertEquals(List.of(RoleId.of("myCustomRole", "db2"), RoleId.of("read", "db3")),
                state.users().find(ALICE).orElseThrow().roles());
        assertEquals(2, umc.fails("$external", "{grantRolesToUser: 'CN=alice', roles: []}").getCode());
        assertEquals(11, umc.fails("$external", "{grantRolesToUser: 'CN=ghost', roles: ['x']}").getCode());
    }

    @Test
    void invalidRestrictionIsBadValueAndChangesNothing() {
        createAlice();
        MongoServerError error = umc.fails("$external",
                "{updateUser: 'CN=alice', authenticationRestrictions: [{clientSource: ['not-an-ip']}]}");
        assertEquals(2, error.getCode());
        assertTrue(state.users().find(ALICE).orElseThrow().restrictions().isEmpty());
    }

    @Test
    void restrictionsFollowMongoDbsStrictShape() {
        createAlice();
        assertEquals(14, umc.fails("$external", "{updateUser: 'CN=alice', authenticationRestrictions:"
                + " [{clientSource: '0.0.0.0'}]}").getCode(), "a bare string is not an array");
        assertEquals(26, umc.fails("$external", "{updateUser: 'CN=alice', authenticationRestrictions: [{}]}").getCode());
        assertEquals(40415, umc.fails("$external", "{updateUser: 'CN=alice', authenticationRestrictions:"
                + " [{clientSource: ['0.0.0.0'], port: 1}]}").getCode());
        assertEquals(14, umc.fails("$external", "{updateUser: 'CN=alice', authenticationRestrictions: [5]}").getCode());
    }
}
