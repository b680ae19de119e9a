package dev.autouser.core.mongo;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivilegeTest {
    private static Document granted(Document resource, String... actions) {
        return new Document("resource", resource).append("actions", List.of(actions));
    }

    private static Document db(String db) {
        return new Document("db", db).append("collection", "");
    }

    @Test
    void databasePrivilegeMatchesThatDatabaseOnly() {
        Privilege dropUser = Privilege.onDatabase("dropUser", "$external");
        assertTrue(dropUser.grantedBy(granted(db("$external"), "dropUser")));
        assertFalse(dropUser.grantedBy(granted(db("admin"), "dropUser")));
        assertFalse(dropUser.grantedBy(granted(db("$external"), "createUser")));
    }

    @Test
    void everyDatabaseNeedsTheEmptyDatabaseResource() {
        Privilege revoke = Privilege.onEveryDatabase("revokeRole");
        assertTrue(revoke.grantedBy(granted(db(""), "grantRole", "revokeRole")));
        assertFalse(revoke.grantedBy(granted(db("sales"), "revokeRole")));
    }

    @Test
    void anyDatabaseResourceCoversExternal() {
        assertTrue(Privilege.onDatabase("viewUser", "$external").grantedBy(granted(db(""), "viewUser")));
    }

    @Test
    void clusterPrivilegeNeedsClusterResource() {
        Privilege inprog = Privilege.onCluster("inprog");
        assertTrue(inprog.grantedBy(granted(new Document("cluster", true), "inprog")));
        assertFalse(inprog.grantedBy(granted(db(""), "inprog")));
    }

    @Test
    void collectionResourceDoesNotGrantDatabaseActions() {
        assertFalse(Privilege.onDatabase("viewUser", "$external")
                .grantedBy(granted(new Document("db", "$external").append("collection", "x"), "viewUser")));
    }

    @Test
    void anyResourceAndAnyActionGrantEverything() {
        assertTrue(Privilege.onCluster("inprog").grantedBy(granted(new Document("anyResource", true), "anyAction")));
    }
}
