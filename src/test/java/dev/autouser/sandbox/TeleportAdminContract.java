package dev.autouser.sandbox;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Teleport's MongoDB operations (RFD 152, seed 001) run by an admin holding exactly the documented
 * role, through the official driver: everything Teleport needs works, the rest is refused.
 * Each test creates its own uniquely named admin role and user and drops them again.
 */
abstract class TeleportAdminContract {
    private final List<String> usersToDrop = new ArrayList<>();
    private final List<String> rolesToDrop = new ArrayList<>();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private MongoClient admin;

    abstract MongoTarget target();

    @BeforeEach
    void createFullAdmin() {
        admin = createAdmin(List.of(new Document("resource", new Document("db", "").append("collection", ""))
                .append("actions", List.of("grantRole", "revokeRole"))));
    }

    @AfterEach
    void dropEverythingCreated() {
        admin.close();
        MongoDatabase external = target().dba().getDatabase("$external");
        for (String user : usersToDrop) {
            try {
                external.runCommand(new Document("dropUser", user));
            } catch (MongoCommandException alreadyGone) {
                // Dropped by the test itself.
            }
        }
        rolesToDrop.forEach(role -> target().dba().getDatabase("admin").runCommand(new Document("dropRole", role)));
    }

    /** teleport-admin-role as in seed 001, with {@code grantPrivileges} for grantRole/revokeRole. */
    private MongoClient createAdmin(List<Document> grantPrivileges) {
        String role = "teleport-admin-role-" + suffix + "-" + rolesToDrop.size();
        List<Document> privileges = new ArrayList<>(List.of(
                new Document("resource", new Document("cluster", true)).append("actions", List.of("inprog")),
                new Document("resource", new Document("db", "$external").append("collection", ""))
                        .append("actions", List.of("createUser", "updateUser", "dropUser", "viewUser",
                                "setAuthenticationRestriction", "changeCustomData"))));
        privileges.addAll(grantPrivileges);
        target().dba().getDatabase("admin").runCommand(new Document("createRole", role)
                .append("privileges", privileges).append("roles", List.of()));
        rolesToDrop.add(role);
        String name = "teleport-admin-" + suffix + "-" + rolesToDrop.size();
        target().dba().getDatabase("$external").runCommand(new Document("createUser", "CN=" + name)
                .append("roles", List.of(new Document("role", role).append("db", "admin"))));
        usersToDrop.add("CN=" + name);
        return target().connectAs(name);
    }

    private String newAutoUserName() {
        String name = "auto-" + UUID.randomUUID().toString().substring(0, 12);
        usersToDrop.add("CN=" + name);
        return name;
    }

    private static void activate(MongoClient admin, String name, List<Document> roles) {
        admin.getDatabase("$external").runCommand(new Document("createUser", "CN=" + name)
                .append("roles", roles).append("customData", new Document("teleport-auto-user", true))
                .append("authenticationRestrictions", List.of()));
    }

    private static List<Document> activity(MongoClient admin, String name) {
        return admin.getDatabase("admin").runCommand(new Document("currentOp", 1).append("$ownOps", false)
                .append("$all", true).append("effectiveUsers", new Document("$elemMatch",
                        new Document("user", "CN=" + name).append("db", "$external"))))
                .getList("inprog", Document.class);
    }

    private static Document lockUpdate(String name) {
        return new Document("updateUser", "CN=" + name).append("roles", List.of())
                .append("authenticationRestrictions", List.of(new Document("clientSource", List.of("0.0.0.0"))));
    }

    private static List<Document> readDb1() {
        return List.of(new Document("role", "read").append("db", "db1"));
    }

    @Test
    void fullAdminRunsTheWholeTeleportLifecycle() {
        String name = newAutoUserName();
        MongoDatabase external = admin.getDatabase("$external");
        Document lookup = new Document("usersInfo", new Document("user", "CN=" + name).append("db", "$external"));
        assertEquals(List.of(), external.runCommand(lookup).getList("users", Document.class));
        activate(admin, name, readDb1());
        List<Document> tagged = external.runCommand(new Document("usersInfo", 1)
                .append("filter", new Document("customData.teleport-auto-user", true))).getList("users", Document.class);
        assertTrue(tagged.stream().anyMatch(u -> u.getString("user").equals("CN=" + name)));
        assertEquals(List.of(), activity(admin, name));
        try (MongoClient session = target().connectAs(name)) {
            session.getDatabase("admin").runCommand(new Document("ping", 1));
            assertEquals(1, activity(admin, name).size());
        }
        external.runCommand(lockUpdate(name));
        external.runCommand(new Document("dropUser", "CN=" + name));
        assertEquals(List.of(), external.runCommand(lookup).getList("users", Document.class));
    }

    @Test
    void lockStopsNewLoginsButNotOpenSessions() {
        String name = newAutoUserName();
        activate(admin, name, readDb1());
        try (MongoClient open = target().connectAs(name)) {
            open.getDatabase("admin").runCommand(new Document("ping", 1));
            admin.getDatabase("$external").runCommand(lockUpdate(name));
            try (MongoClient late = target().connectAs(name)) {
                MongoSecurityException e = assertThrows(MongoSecurityException.class,
                        () -> late.getDatabase("admin").runCommand(new Document("ping", 1)));
                assertEquals(18, ((MongoCommandException) e.getCause()).getErrorCode());
            }
            assertEquals(1, activity(admin, name).size());
        }
        admin.getDatabase("$external").runCommand(new Document("updateUser", "CN=" + name)
                .append("roles", readDb1()).append("authenticationRestrictions", List.of()));
        try (MongoClient again = target().connectAs(name)) {
            assertEquals(1.0, ((Number) again.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).doubleValue());
        }
    }

    @Test
    void lockStateNeedsTheExactNameForm() {
        String name = newAutoUserName();
        activate(admin, name, readDb1());
        admin.getDatabase("$external").runCommand(lockUpdate(name));
        Document exact = admin.getDatabase("$external").runCommand(new Document("usersInfo",
                List.of(new Document("user", "CN=" + name).append("db", "$external")))
                .append("showAuthenticationRestrictions", true));
        Document user = exact.getList("users", Document.class).get(0);
        assertEquals(List.of("0.0.0.0"), user.getList("authenticationRestrictions", Document.class).get(0)
                .getList("clientSource", String.class));
        MongoCommandException e = assertThrows(MongoCommandException.class,
                () -> admin.getDatabase("$external").runCommand(new Document("usersInfo", 1)
                        .append("showAuthenticationRestrictions", true)));
        assertEquals(20, e.getErrorCode());
    }

    @Test
    void adminRoleCannotReadRolesOrManageOtherDatabases() {
        MongoCommandException rolesInfo = assertThrows(MongoCommandException.class,
                () -> admin.getDatabase("admin").runCommand(new Document("rolesInfo", 1)));
        assertEquals(13, rolesInfo.getErrorCode());
        MongoCommandException elsewhere = assertThrows(MongoCommandException.class,
                () -> admin.getDatabase("db1").runCommand(new Document("createUser", "intruder-" + suffix)
                        .append("pwd", "x").append("roles", List.of())));
        assertEquals(13, elsewhere.getErrorCode());
        assertFalse(elsewhere.getErrorMessage().contains("\"x\""), "the password must be redacted");
    }

    @Test
    void leastPrivilegeAdminGrantsOnlyItsDatabasesButRevokesAnywhere() {
        admin.close();
        admin = createAdmin(List.of(
                new Document("resource", new Document("db", "").append("collection", ""))
                        .append("actions", List.of("revokeRole")),
                new Document("resource", new Document("db", "db1").append("collection", ""))
                        .append("actions", List.of("grantRole"))));
        String allowed = newAutoUserName();
        activate(admin, allowed, readDb1());
        String refused = newAutoUserName();
        MongoCommandException e = assertThrows(MongoCommandException.class,
                () -> activate(admin, refused, List.of(new Document("role", "read").append("db", "db2"))));
        assertEquals(13, e.getErrorCode());
        admin.getDatabase("$external").runCommand(lockUpdate(allowed));
    }
}
