package dev.autouser.sandbox.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinRolesTest {

    private static PrivilegeSet of(String role, String db) {
        return new PrivilegeSet(BuiltinRoles.privileges(RoleId.of(role, db)));
    }

    @Test
    void databaseRolesExistEverywhereExceptExternal() {
        assertTrue(BuiltinRoles.isBuiltin(RoleId.of("read", "db1")));
        assertTrue(BuiltinRoles.isBuiltin(RoleId.of("dbOwner", "admin")));
        assertFalse(BuiltinRoles.isBuiltin(RoleId.of("read", "$external")));
    }

    @Test
    void anyDatabaseAndClusterRolesExistOnlyInAdmin() {
        for (String role : List.of("readAnyDatabase", "readWriteAnyDatabase", "userAdminAnyDatabase",
                "dbAdminAnyDatabase", "clusterMonitor", "clusterAdmin", "root", "backup", "restore")) {
            assertTrue(BuiltinRoles.isBuiltin(RoleId.of(role, "admin")), role);
            assertFalse(BuiltinRoles.isBuiltin(RoleId.of(role, "db1")), role);
        }
    }

    @Test
    void readGrantsFindOnItsOwnDatabaseOnly() {
        PrivilegeSet read = of("read", "db1");
        assertTrue(read.allowsOnCollection("db1", "orders", "find"));
        assertFalse(read.allowsOnCollection("db1", "orders", "insert"));
        assertFalse(read.allowsOnCollection("db2", "orders", "find"));
        assertTrue(read.allowsOnCollection("db1", "system.js", "find"));
        assertFalse(read.allowsOnCollection("db1", "system.users", "find"));
    }

    @Test
    void dbOwnerCombinesReadWriteDbAdminAndUserAdmin() {
        PrivilegeSet owner = of("dbOwner", "db1");
        assertTrue(owner.allowsOnCollection("db1", "x", "insert"));
        assertTrue(owner.allowsOnDatabase("db1", "dropDatabase"));
        assertTrue(owner.allowsOnDatabase("db1", "createUser"));
        assertFalse(owner.allowsOnDatabase("db2", "createUser"));
    }

    @Test
    void userAdminAnyDatabaseMayViewUsersOfAllDatabases() {
        PrivilegeSet userAdmin = of("userAdminAnyDatabase", "admin");
        assertTrue(userAdmin.allowsOnCluster("viewUser"));
        assertTrue(userAdmin.allowsOnDatabase("$external", "createUser"));
        assertTrue(userAdmin.allowsOnDatabase("local", "grantRole"));
        assertFalse(userAdmin.allowsOnCollection("db1", "x", "find"));
    }

    @Test
    void clusterMonitorSeesOperationsAndReadsConfig() {
        PrivilegeSet monitor = of("clusterMonitor", "admin");
        assertTrue(monitor.allowsOnCluster("inprog"));
        assertTrue(monitor.allowsOnCluster("listDatabases"));
        assertTrue(monitor.allowsOnCollection("config", "chunks", "find"));
        assertFalse(monitor.allowsOnCollection("db1", "x", "find"));
    }

    @Test
    void rootCoversUsersDataAndCluster() {
        PrivilegeSet root = of("root", "admin");
        assertTrue(root.allowsOnCollection("db1", "x", "insert"));
        assertTrue(root.allowsOnCluster("inprog"));
        assertTrue(root.allowsOnCluster("shutdown"));
        assertTrue(root.allowsOnDatabase("$external", "createUser"));
        assertTrue(root.allowsOnCollection("admin", "system.users", "find"));
    }

    @Test
    void anyNormalResourceExcludesLocalAndConfig() {
        PrivilegeSet anyNormal = new PrivilegeSet(List.of(GrantedPrivilege.of(ResourcePattern.ANY_NORMAL, "find")));
        assertTrue(anyNormal.allowsOnCollection("admin", "x", "find"));
        assertFalse(anyNormal.allowsOnCollection("local", "x", "find"));
        assertFalse(anyNormal.allowsOnCollection("config", "x", "find"));
        assertFalse(anyNormal.allowsOnCollection("db1", "system.profile", "find"));
    }

    @Test
    void collectionNamePatternMatchesThatCollectionInEveryDatabase() {
        PrivilegeSet named = new PrivilegeSet(List.of(GrantedPrivilege.of(ResourcePattern.collection("", "logs"), "find")));
        assertTrue(named.allowsOnCollection("db1", "logs", "find"));
        assertTrue(named.allowsOnCollection("db2", "logs", "find"));
        assertFalse(named.allowsOnCollection("db1", "other", "find"));
        assertEquals(false, named.allowsOnDatabase("db1", "find"));
    }

    @Test
    void listDatabasesVisibilityFollowsMongoDbsRules() {
        PrivilegeSet anyNormal = new PrivilegeSet(List.of(GrantedPrivilege.of(ResourcePattern.ANY_NORMAL, "revokeRole")));
        assertTrue(anyNormal.touchesDatabase("db1"));
        assertFalse(anyNormal.touchesDatabase("local"));
        PrivilegeSet named = new PrivilegeSet(List.of(GrantedPrivilege.of(ResourcePattern.collection("", "logs"), "find")));
        assertTrue(named.touchesDatabase("local"));
        PrivilegeSet exact = new PrivilegeSet(List.of(GrantedPrivilege.of(ResourcePattern.collection("db2", "x"), "find")));
        assertTrue(exact.touchesDatabase("db2"));
        assertFalse(exact.touchesDatabase("db1"));
    }
}
