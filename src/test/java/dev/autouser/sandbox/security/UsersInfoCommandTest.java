package dev.autouser.sandbox.security;

import static dev.autouser.sandbox.security.Docs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsersInfoCommandTest {

    private final SecurityState state = TeleportFixture.full();
    private final UserAdminCommands commands = new UserAdminCommands(state, "7.0.14");

    @BeforeEach
    void seedAutoUsers() {
        Document tag = json("{'teleport-auto-user': true}");
        state.users().put(new StoredUser(new UserId("CN=bob", "$external"), List.of(RoleId.of("readWrite", "db1")),
                Optional.of(tag), List.of(), Optional.empty()));
        state.users().put(new StoredUser(new UserId("CN=alice", "$external"), List.of(),
                Optional.of(tag), List.of(AuthenticationRestriction.teleportLock()), Optional.empty()));
        state.users().put(StoredUser.x509("CN=app-backend", List.of(RoleId.of("readWrite", "db1"))));
        state.users().put(StoredUser.withPassword("dba", "admin", "pw", List.of(RoleId.of("root", "admin"))));
    }

    @SuppressWarnings("unchecked")
    private List<Document> users(String db, String json) {
        Document reply = commands.handle(db, "usersInfo", json(json), List.of());
        assertEquals(1.0, reply.get("ok"));
        return (List<Document>) reply.get("users");
    }

    private static List<String> names(List<Document> users) {
        return users.stream().map(user -> (String) user.get("user")).toList();
    }

    @Test
    void filterFindsOnlyTaggedUsersSortedByName() {
        List<Document> users = users("$external", "{usersInfo: 1, filter: {'customData.teleport-auto-user': true}}");
        assertEquals(List.of("CN=alice", "CN=bob"), names(users));
    }

    @Test
    void listReplyHasMongoShapeWithoutRestrictions() {
        Document bob = users("$external", "{usersInfo: 'CN=bob'}").get(0);
        assertEquals(List.of("_id", "userId", "user", "db", "customData", "roles", "mechanisms"),
                List.copyOf(bob.keySet()));
        assertEquals("$external.CN=bob", bob.get("_id"));
        assertTrue(bob.get("userId") instanceof UUID);
        assertEquals(List.of("external"), bob.get("mechanisms"));
        assertEquals(List.of(json("{role: 'readWrite', db: 'db1'}")), bob.get("roles"));
    }

    @Test
    void usersInfoOneListsOnlyTheCommandsDatabase() {
        assertEquals(List.of("CN=alice", "CN=app-backend", "CN=bob", "CN=dba", "CN=teleport-admin"),
                names(users("$external", "{usersInfo: 1}")));
        assertEquals(List.of("dba"), names(users("admin", "{usersInfo: 1}")));
    }

    @Test
    void forAllDatabasesSortsByUserThenDb() {
        List<Document> users = users("admin", "{usersInfo: {forAllDBs: true}}");
        assertEquals(List.of("CN=alice", "CN=app-backend", "CN=bob", "CN=dba", "CN=teleport-admin", "dba"),
                names(users));
    }

    @Test
    void exactNamesAcceptStringsDocumentsAndArraysAndSkipMissingUsers() {
        List<Document> users = users("admin",
                "{usersInfo: ['dba', {user: 'CN=bob', db: '$external'}, {user: 'CN=ghost', db: '$external'}]}");
        assertEquals(List.of("CN=bob", "dba"), names(users));
        assertEquals(List.of("SCRAM-SHA-256"), users.get(1).get("mechanisms"));
    }

    @Test
    void showCustomDataFalseRemovesCustomDataBeforeTheFilterRuns() {
        List<Document> users = users("$external", "{usersInfo: 1, showCustomData: false}");
        assertTrue(users.stream().noneMatch(user -> user.containsKey("customData")));
        assertTrue(users("$external", "{usersInfo: 1, showCustomData: false,"
                + " filter: {'customData.teleport-auto-user': true}}").isEmpty());
    }

    @Test
    void beforeFiveTwoShowCustomDataIsAnUnknownFieldAndCustomDataIsAlwaysShown() {
        UserAdminCommands old = new UserAdminCommands(state, "5.0.9");
        MongoServerError error = assertThrows(MongoServerError.class,
                () -> old.handle("$external", "usersInfo", json("{usersInfo: 1, showCustomData: false}"), List.of()));
        assertEquals(40415, error.getCode());
        assertEquals("BSON field 'usersInfo.showCustomData' is an unknown field.", error.getMessageWithoutErrorCode());
        Document reply = old.handle("$external", "usersInfo",
                json("{usersInfo: 1, filter: {'customData.teleport-auto-user': true}}"), List.of());
        assertEquals(2, ((List<?>) reply.get("users")).size());
    }

    @Test
    void detailsWithFilterOrAllUsersAreIllegal() {
        for (String json : List.of("{usersInfo: 1, showAuthenticationRestrictions: true}",
                "{usersInfo: 1, showPrivileges: true}",
                "{usersInfo: 'CN=bob', showPrivileges: true, filter: {}}",
                "{usersInfo: {forAllDBs: true}, showAuthenticationRestrictions: true}")) {
            MongoServerError error = assertThrows(MongoServerError.class,
                    () -> commands.handle("$external", "usersInfo", json(json), List.of()));
            assertEquals(20, error.getCode(), json);
            assertEquals("IllegalOperation", error.getCodeName());
            assertEquals("Privilege or restriction details require exact-match usersInfo queries",
                    error.getMessageWithoutErrorCode());
        }
    }

    @Test
    void exactMatchShowsRestrictionsAndInheritedDetails() {
        List<Document> users = users("$external",
                "{usersInfo: ['CN=alice', 'CN=bob'], showAuthenticationRestrictions: true}");
        assertEquals(List.of("CN=alice", "CN=bob"), names(users), "exact details keep the order asked");
        Document alice = users.get(0);
        assertEquals(List.of(json("{clientSource: ['0.0.0.0']}")), alice.get("authenticationRestrictions"));
        assertEquals(List.of(), users.get(1).get("authenticationRestrictions"));
        assertTrue(alice.containsKey("inheritedRoles"));
        assertTrue(alice.containsKey("inheritedAuthenticationRestrictions"));
    }

    @Test
    void showPrivilegesResolvesInheritedPrivileges() {
        Document bob = users("$external", "{usersInfo: 'CN=bob', showPrivileges: true}").get(0);
        assertFalse(bob.containsKey("authenticationRestrictions"));
        @SuppressWarnings("unchecked")
        List<Document> privileges = (List<Document>) bob.get("inheritedPrivileges");
        Document onDb1 = privileges.stream()
                .filter(p -> json("{db: 'db1', collection: ''}").equals(p.get("resource"))).findFirst().orElseThrow();
        assertTrue(((List<?>) onDb1.get("actions")).contains("insert"));
    }

    @Test
    void userRangeFiltersSelectExactlyTheRange() {
        assertEquals(List.of("CN=alice", "CN=app-backend"),
                names(users("$external", "{usersInfo: 1, filter: {user: {$gte: 'CN=a', $lt: 'CN=b'}}}")));
        assertEquals(List.of("CN=bob"), names(users("$external", "{usersInfo: 1, filter: {user: 'CN=bob'}}")));
        assertEquals(List.of(), names(users("$external", "{usersInfo: 1, filter: {user: {$gt: 'CN=z', $lt: 'CN=a'}}}")));
        assertEquals(5, users("$external", "{usersInfo: 1, filter: {user: {$gte: ''}}}").size());
    }

    @Test
    void showCredentialsAddsStoredCredentialsAfterDb() {
        Document dba = users("admin", "{usersInfo: 'dba', showCredentials: true}").get(0);
        assertEquals(List.of("_id", "userId", "user", "db", "credentials", "roles", "mechanisms"),
                List.copyOf(dba.keySet()));
        Document scram = (Document) ((Document) dba.get("credentials")).get("SCRAM-SHA-256");
        assertEquals(15000, scram.get("iterationCount"));
        assertTrue(scram.containsKey("storedKey") && scram.containsKey("serverKey") && scram.containsKey("salt"));
        Document bob = users("$external", "{usersInfo: 'CN=bob', showCredentials: true}").get(0);
        assertEquals(json("{external: true}"), bob.get("credentials"));
        assertFalse(users("admin", "{usersInfo: 'dba'}").get(0).containsKey("credentials"));
    }

    @Test
    void strictParserRefusesUnknownFields() {
        MongoServerError error = assertThrows(MongoServerError.class,
                () -> commands.handle("$external", "usersInfo", json("{usersInfo: 1, forAllDBs: true}"), List.of()));
        assertEquals(40415, error.getCode());
    }
}
