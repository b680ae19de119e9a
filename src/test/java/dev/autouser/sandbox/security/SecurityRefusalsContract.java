package dev.autouser.sandbox.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.autouser.testsupport.MongoTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Authorization refusals and user-administration errors seen through the official driver, over
 * TLS with X.509 logins. Every user and role is uniquely named and dropped afterwards, since a
 * real mongod may be shared.
 */
abstract class SecurityRefusalsContract {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> externalUsers = new ArrayList<>();
    private final List<String> adminRoles = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    abstract MongoTarget target();

    @AfterEach
    void dropEverythingCreated() {
        clients.forEach(MongoClient::close);
        for (String user : externalUsers) {
            ignoreMissing(() -> target().dba().getDatabase("$external").runCommand(new Document("dropUser", user)));
        }
        for (String role : adminRoles) {
            ignoreMissing(() -> target().dba().getDatabase("admin").runCommand(new Document("dropRole", role)));
        }
    }

    private static void ignoreMissing(Runnable drop) {
        try {
            drop.run();
        } catch (MongoCommandException alreadyGone) {
            // The test dropped it itself.
        }
    }

    /** Creates {@code CN=<name>-<suffix>} in $external with the given roles and logs in as it. */
    private MongoClient userWithRoles(String name, List<Document> roles) {
        String commonName = name + "-" + suffix;
        target().dba().getDatabase("$external").runCommand(new Document("createUser", "CN=" + commonName)
                .append("roles", roles));
        externalUsers.add("CN=" + commonName);
        MongoClient client = target().connectAs(commonName);
        clients.add(client);
        return client;
    }

    /** The least-privilege teleport-admin-role of seed 001 with grantRole only on {@code grantDb}. */
    private MongoClient leastPrivilegeAdmin(String grantDb) {
        String role = "sec-teleport-admin-" + suffix;
        target().dba().getDatabase("admin").runCommand(new Document("createRole", role)
                .append("privileges", List.of(
                        privilege(new Document("cluster", true), "inprog"),
                        privilege(new Document("db", "").append("collection", ""), "revokeRole"),
                        privilege(new Document("db", "$external").append("collection", ""), "createUser",
                                "updateUser", "dropUser", "viewUser", "setAuthenticationRestriction",
                                "changeCustomData"),
                        privilege(new Document("db", grantDb).append("collection", ""), "grantRole")))
                .append("roles", List.of()));
        adminRoles.add(role);
        return userWithRoles("sec-admin", List.of(role(role, "admin")));
    }

    private static Document privilege(Document resource, String... actions) {
        return new Document("resource", resource).append("actions", List.of(actions));
    }

    private static Document role(String role, String db) {
        return new Document("role", role).append("db", db);
    }

    private static MongoCommandException fails(int code, Executable command) {
        MongoCommandException error = assertThrows(MongoCommandException.class, command);
        assertEquals(code, error.getErrorCode(), error.getErrorMessage());
        return error;
    }

    @Test
    void missingPrivilegeIsUnauthorizedWithMongoDbsMessage() {
        MongoClient app = userWithRoles("sec-app", List.of(role("readWrite", "secdb1")));
        MongoCommandException error = fails(13, () -> app.getDatabase("secdb2").getCollection("orders").find().first());
        assertEquals("Unauthorized", error.getErrorCodeName());
        assertTrue(error.getErrorMessage().startsWith("not authorized on secdb2 to execute command { find: \"orders\""),
                error.getErrorMessage());
        assertDoesNotThrow(() -> app.getDatabase("secdb1").getCollection("orders").find().first());
    }

    @Test
    void otherUsersOperationsNeedInprog() {
        MongoClient app = userWithRoles("sec-app", List.of(role("readWrite", "secdb1")));
        MongoDatabase admin = app.getDatabase("admin");
        fails(13, () -> admin.runCommand(new Document("currentOp", 1).append("$ownOps", false).append("$all", true)));
        fails(13, () -> admin.runCommand(new Document("aggregate", 1)
                .append("pipeline", List.of(new Document("$currentOp", new Document("allUsers", true))))
                .append("cursor", new Document())));
        assertDoesNotThrow(() -> admin.runCommand(new Document("currentOp", 1).append("$ownOps", true)));
    }

    @Test
    void leastPrivilegeAdminDoesTeleportsWorkButNothingElse() {
        MongoClient admin = leastPrivilegeAdmin("secdb1");
        MongoDatabase external = admin.getDatabase("$external");
        String auto = "CN=sec-auto-" + suffix;
        externalUsers.add(auto);
        external.runCommand(new Document("createUser", auto).append("roles", List.of(role("read", "secdb1")))
                .append("customData", new Document("teleport-auto-user", true))
                .append("authenticationRestrictions", List.of()));
        external.runCommand(new Document("updateUser", auto).append("roles", List.of())
                .append("authenticationRestrictions", List.of(new Document("clientSource", List.of("0.0.0.0")))));
        external.runCommand(new Document("usersInfo", 1)
                .append("filter", new Document("customData.teleport-auto-user", true)));
        external.runCommand(new Document("dropUser", auto));

        fails(13, () -> external.runCommand(new Document("createUser", auto)
                .append("roles", List.of(role("readAnyDatabase", "admin")))));
        fails(13, () -> external.runCommand(new Document("createUser", auto)
                .append("roles", List.of(role("read", "secdb2")))));
        fails(13, () -> admin.getDatabase("secdb1").getCollection("orders").find().first());
        fails(13, () -> admin.getDatabase("admin").runCommand(new Document("createRole", "sec-x-" + suffix)
                .append("privileges", List.of()).append("roles", List.of())));
        fails(13, () -> admin.getDatabase("admin").runCommand(new Document("usersInfo", 1)));
        fails(13, () -> admin.getDatabase("admin").runCommand(new Document("rolesInfo", 1)));
        assertDoesNotThrow(() -> admin.getDatabase("admin").runCommand(new Document("rolesInfo", adminRoles.get(0))),
                "a user may always see the roles it holds");
    }

    @Test
    void userAdministrationErrorsCarryMongoDbsCodes() {
        MongoDatabase external = target().dba().getDatabase("$external");
        String name = "CN=sec-dup-" + suffix;
        externalUsers.add(name);
        external.runCommand(new Document("createUser", name).append("roles", List.of()));
        fails(51003, () -> external.runCommand(new Document("createUser", name).append("roles", List.of())));
        MongoCommandException missingRole = fails(31, () -> external.runCommand(new Document("updateUser", name)
                .append("roles", List.of(role("no-such-role-" + suffix, "secdb1")))));
        assertEquals("Could not find role: no-such-role-" + suffix + "@secdb1", missingRole.getErrorMessage());
        fails(2, () -> external.runCommand(new Document("updateUser", name).append("pwd", "secret")));
        fails(11, () -> external.runCommand(new Document("updateUser", "CN=sec-ghost-" + suffix)
                .append("roles", List.of())));
        fails(11, () -> external.runCommand(new Document("dropUser", "CN=sec-ghost-" + suffix)));
    }

    @Test
    void roleAdministrationErrorsCarryMongoDbsCodes() {
        MongoDatabase admin = target().dba().getDatabase("admin");
        String role = "sec-role-" + suffix;
        adminRoles.add(role);
        admin.runCommand(new Document("createRole", role).append("privileges", List.of()).append("roles", List.of()));
        fails(51002, () -> admin.runCommand(new Document("createRole", role)
                .append("privileges", List.of()).append("roles", List.of())));
        fails(49, () -> target().dba().getDatabase("secdb1").runCommand(new Document("createRole", role)
                .append("privileges", List.of(privilege(new Document("cluster", true), "inprog")))
                .append("roles", List.of())));
    }

    /** An admin role created by the DBA, dropped after the test. */
    private String adminRole(String name, List<Document> privileges, List<Document> roles) {
        String role = name + "-" + suffix;
        target().dba().getDatabase("admin").runCommand(new Document("createRole", role)
                .append("privileges", privileges).append("roles", roles));
        adminRoles.add(role);
        return role;
    }

    /** The role's own privileges as resource → actions, as rolesInfo reports them to the DBA. */
    private Map<Document, Set<String>> directPrivileges(String role) {
        Document reply = target().dba().getDatabase("admin").runCommand(new Document("rolesInfo", role)
                .append("showPrivileges", true));
        Map<Document, Set<String>> privileges = new HashMap<>();
        for (Document privilege : reply.getList("roles", Document.class).get(0).getList("privileges", Document.class)) {
            privileges.put(privilege.get("resource", Document.class),
                    new HashSet<>(privilege.getList("actions", String.class)));
        }
        return privileges;
    }

    @Test
    void revokePrivilegesFromRoleNeedsRevokeRoleWhereThePrivilegesApply() {
        Document orders = new Document("db", "secdb1").append("collection", "orders");
        Document cluster = new Document("cluster", true);
        String role = adminRole("sec-revocable", List.of(privilege(orders, "find", "insert"),
                privilege(cluster, "inprog")), List.of());
        String revoker = adminRole("sec-revoker", List.of(
                privilege(new Document("db", "secdb1").append("collection", ""), "revokeRole")), List.of());
        MongoDatabase admin = userWithRoles("sec-revoker", List.of(role(revoker, "admin"))).getDatabase("admin");

        admin.runCommand(new Document("revokePrivilegesFromRole", role)
                .append("privileges", List.of(privilege(orders, "insert"))));
        fails(13, () -> admin.runCommand(new Document("revokePrivilegesFromRole", role)
                .append("privileges", List.of(privilege(cluster, "inprog")))));
        assertEquals(Map.of(orders, Set.of("find"), cluster, Set.of("inprog")), directPrivileges(role));

        target().dba().getDatabase("admin").runCommand(new Document("revokePrivilegesFromRole", role)
                .append("privileges", List.of(privilege(orders, "find"), privilege(cluster, "inprog"))));
        assertEquals(Map.of(), directPrivileges(role), "an entry left without actions is removed");
    }

    @Test
    void roleGrantsAndRevokesRefuseLikeMongoDb() {
        MongoDatabase admin = target().dba().getDatabase("admin");
        List<Document> inprog = List.of(privilege(new Document("cluster", true), "inprog"));
        MongoCommandException missing = fails(31, () -> admin.runCommand(
                new Document("revokePrivilegesFromRole", "sec-ghost-" + suffix).append("privileges", inprog)));
        assertEquals("RoleNotFound", missing.getErrorCodeName());
        fails(2, () -> admin.runCommand(new Document("revokePrivilegesFromRole", "clusterMonitor")
                .append("privileges", inprog)));
        fails(2, () -> admin.runCommand(new Document("grantRolesToRole", "clusterMonitor")
                .append("roles", List.of(role("read", "secdb1")))));
        String role = adminRole("sec-grants", List.of(), List.of());
        fails(2, () -> admin.runCommand(new Document("revokePrivilegesFromRole", role).append("privileges", List.of())));
        fails(31, () -> admin.runCommand(new Document("grantRolesToRole", role)
                .append("roles", List.of(role("no-such-role-" + suffix, "secdb1")))));
        fails(31, () -> admin.runCommand(new Document("grantRolesToRole", "sec-ghost-" + suffix)
                .append("roles", List.of(role("read", "secdb1")))));
    }

    @Test
    void rolesGrantedToARoleReachItsHoldersUntilRevoked() {
        String role = adminRole("sec-wrapper", List.of(), List.of());
        MongoClient holder = userWithRoles("sec-holder", List.of(role(role, "admin")));
        Executable read = () -> holder.getDatabase("secdb1").getCollection("orders").find().first();
        fails(13, read);
        MongoDatabase admin = target().dba().getDatabase("admin");
        admin.runCommand(new Document("grantRolesToRole", role).append("roles", List.of(role("read", "secdb1"))));
        assertDoesNotThrow(read);
        admin.runCommand(new Document("revokeRolesFromRole", role).append("roles", List.of(role("read", "secdb1"))));
        fails(13, read);
    }

    @Test
    void unknownCommandIsCommandNotFoundBeforeAnyAuthorization() {
        MongoClient reader = userWithRoles("sec-reader", List.of(role("read", "secdb1")));
        MongoClient anonymous = target().connectUnauthenticated();
        clients.add(anonymous);
        for (MongoClient client : List.of(target().dba(), reader, anonymous)) {
            for (String db : List.of("admin", "secdb1")) {
                MongoCommandException error = fails(59, () -> client.getDatabase(db)
                        .runCommand(new Document("noSuchCommand", 1)));
                assertEquals("CommandNotFound", error.getErrorCodeName());
                assertEquals("no such command: 'noSuchCommand'", error.getErrorMessage());
            }
        }
        fails(13, () -> anonymous.getDatabase("secdb1").getCollection("orders").find().first());
    }
}
