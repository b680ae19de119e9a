package dev.autouser.sandbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sandbox behaviours MongoDB 7.0 has that the vendored jstests do not pin down exactly (codes,
 * reply shapes), each checked through the official driver. Facts from mongod's source: see the
 * comments in the sandbox classes that implement them.
 */
class SandboxFidelityTest {
    private SandboxServer server;
    private MongoClient root;

    @BeforeEach
    void start() {
        server = SandboxServer.builder().port(0).build().start();
        server.security().users().put(StoredUser.withPassword("root", "admin", "pw", List.of(RoleId.of("root", "admin"))));
        root = connect("root", "admin", "pw");
    }

    @AfterEach
    void stop() {
        root.close();
        server.close();
    }

    private MongoClient connect(String user, String db, String password) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .credential(MongoCredential.createScramSha256Credential(user, db, password.toCharArray())).build());
    }

    private MongoCommandException refused(MongoDatabase db, Document command) {
        return assertThrows(MongoCommandException.class, () -> db.runCommand(command));
    }

    @Test
    void emptyUserNameIsBadValueWithCodeNameAndNoLegacyErrField() {
        MongoCommandException e = refused(root.getDatabase("test"),
                new Document("createUser", "").append("pwd", "x").append("roles", List.of()));
        assertEquals(2, e.getErrorCode());
        assertEquals("BadValue", e.getErrorCodeName());
        assertEquals("User document needs 'user' field to be non-empty", e.getErrorMessage());
        assertFalse(e.getResponse().containsKey("$err"), e.getResponse().toJson());
    }

    @Test
    void errorRepliesCarryNoLegacyErrField() {
        MongoCommandException e = refused(root.getDatabase("test"), new Document("dropUser", "nobody"));
        assertEquals(11, e.getErrorCode());
        assertFalse(e.getResponse().containsKey("$err"), e.getResponse().toJson());
    }

    @Test
    void emptyPasswordsAreRefusedOnCreateAndUpdate() {
        MongoDatabase test = root.getDatabase("test");
        MongoCommandException create = refused(test,
                new Document("createUser", "u").append("pwd", "").append("roles", List.of()));
        assertEquals(50687, create.getErrorCode());
        test.runCommand(new Document("createUser", "u").append("pwd", "secret").append("roles", List.of()));
        MongoCommandException update = refused(test, new Document("updateUser", "u").append("pwd", ""));
        assertEquals(50687, update.getErrorCode());
        try (MongoClient u = connect("u", "test", "secret")) {
            assertEquals(1.0, u.getDatabase("test").runCommand(new Document("ping", 1)).get("ok"));
        }
    }

    @Test
    void nullRestrictionsAndNullCustomDataAreTypeErrorsThatChangeNothing() {
        MongoDatabase admin = root.getDatabase("admin");
        admin.runCommand(new Document("createUser", "locked").append("pwd", "pw").append("roles", List.of())
                .append("customData", new Document("k", 1))
                .append("authenticationRestrictions", List.of(new Document("clientSource", List.of("0.0.0.0")))));
        assertEquals(14, refused(admin, new Document("updateUser", "locked")
                .append("authenticationRestrictions", null)).getErrorCode());
        assertEquals(14, refused(admin, new Document("updateUser", "locked").append("customData", null)).getErrorCode());
        assertEquals(14, refused(admin, new Document("createUser", "other").append("pwd", "pw")
                .append("roles", List.of()).append("customData", null)).getErrorCode());
        Document stored = admin.getCollection("system.users").find(new Document("user", "locked")).first();
        assertEquals(new Document("k", 1), stored.get("customData"));
        assertEquals(1, stored.getList("authenticationRestrictions", Document.class).size());
    }

    @Test
    void dropAllUsersAndRolesFromDatabaseAndInvalidateUserCache() {
        MongoDatabase app = root.getDatabase("app");
        app.runCommand(new Document("createRole", "r1").append("privileges", List.of()).append("roles", List.of()));
        app.runCommand(new Document("createRole", "r2").append("privileges", List.of()).append("roles", List.of("r1")));
        app.runCommand(new Document("createUser", "a").append("pwd", "pw").append("roles", List.of("r2")));
        app.runCommand(new Document("createUser", "b").append("pwd", "pw").append("roles", List.of()));
        assertEquals(2, ((Number) app.runCommand(new Document("dropAllRolesFromDatabase", 1)).get("n")).intValue());
        assertEquals(List.of(), app.runCommand(new Document("rolesInfo", 1)).getList("roles", Document.class));
        assertEquals(List.of(), app.runCommand(new Document("usersInfo", "a")).getList("users", Document.class)
                .get(0).getList("roles", Document.class));
        assertEquals(2, ((Number) app.runCommand(new Document("dropAllUsersFromDatabase", 1)).get("n")).intValue());
        assertEquals(List.of(), app.runCommand(new Document("usersInfo", 1)).getList("users", Document.class));
        assertEquals(1.0, root.getDatabase("admin").runCommand(new Document("invalidateUserCache", 1)).get("ok"));
        assertEquals(13, refused(app, new Document("invalidateUserCache", 1)).getErrorCode());
    }

    @Test
    void adminSystemUsersAndRolesAreReadableAsMongodStoresThem() {
        MongoDatabase admin = root.getDatabase("admin");
        admin.runCommand(new Document("createRole", "auditor").append("privileges", List.of()).append("roles", List.of("read")));
        List<Document> users = admin.getCollection("system.users").find(new Document("user", "root"))
                .into(new ArrayList<>());
        assertEquals(1, users.size());
        Document user = users.get(0);
        assertEquals("admin.root", user.get("_id"));
        assertTrue(user.get("credentials", Document.class).containsKey("SCRAM-SHA-256"));
        assertEquals(1L, admin.getCollection("system.roles").countDocuments(new Document("role", "auditor")));
        // Ordinary collections on admin work as on any database.
        admin.getCollection("notes").insertOne(new Document("_id", 1));
        assertEquals(1L, admin.getCollection("notes").countDocuments());
    }

    @Test
    void unknownCommandsOnAdminNameTheCommandNotTheWholeDocument() {
        MongoCommandException e = refused(root.getDatabase("admin"), new Document("noSuchThing", 1));
        assertEquals(59, e.getErrorCode());
        assertEquals("no such command: 'noSuchThing'", e.getErrorMessage());
    }

    @Test
    void rolesInfoRendersRolesAsAUserFragment() {
        MongoDatabase app = root.getDatabase("app");
        app.runCommand(new Document("createRole", "base").append("roles", List.of("read"))
                .append("privileges", List.of(new Document("resource", new Document("db", "app").append("collection", "x"))
                        .append("actions", List.of("insert")))));
        Document reply = app.runCommand(new Document("rolesInfo", List.of("base")).append("showPrivileges", "asUserFragment"));
        Document fragment = reply.get("userFragment", Document.class);
        assertEquals(List.of(new Document("role", "base").append("db", "app")), fragment.getList("roles", Document.class));
        assertTrue(fragment.getList("inheritedRoles", Document.class).contains(new Document("role", "read").append("db", "app")));
        assertTrue(fragment.getList("inheritedPrivileges", Document.class).stream()
                .anyMatch(p -> p.getList("actions", String.class).contains("insert")));
        assertEquals(20, refused(app, new Document("rolesInfo", 1).append("showPrivileges", "asUserFragment")).getErrorCode());
    }
}
