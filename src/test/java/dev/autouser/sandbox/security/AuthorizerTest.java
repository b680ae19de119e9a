package dev.autouser.sandbox.security;

import static dev.autouser.sandbox.security.Docs.json;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizerTest {

    private static final UserId READER = new UserId("CN=reader", "$external");
    private static final UserId APP = new UserId("CN=app-backend", "$external");
    private static final UserId MONITOR = new UserId("CN=monitor", "$external");
    private static final UserId INHERITS = new UserId("CN=inherits", "$external");

    private final SecurityState state = TeleportFixture.full();
    private final Authorizer authorizer = new Authorizer(state);

    AuthorizerTest() {
        state.users().put(StoredUser.x509(READER.user(), List.of(RoleId.of("readAnyDatabase", "admin"))));
        state.users().put(StoredUser.x509(APP.user(), List.of(RoleId.of("readWrite", "db1"))));
        state.users().put(StoredUser.x509(MONITOR.user(), List.of(RoleId.of("clusterMonitor", "admin"))));
        state.roles().put(new CustomRole(RoleId.of("wrapper", "db2"), List.of(), List.of(TeleportFixture.CUSTOM_ROLE)));
        state.users().put(StoredUser.x509(INHERITS.user(), List.of(RoleId.of("wrapper", "db2"))));
    }

    private void allowed(UserId user, String db, String json) {
        Document command = json(json);
        assertDoesNotThrow(() -> authorizer.check(List.of(user), db, command.keySet().iterator().next(), command));
    }

    private MongoServerError refused(List<UserId> users, String db, String json) {
        Document command = json(json);
        MongoServerError error = assertThrows(MongoServerError.class,
                () -> authorizer.check(users, db, command.keySet().iterator().next(), command));
        assertEquals(13, error.getCode());
        return error;
    }

    @Test
    void unauthenticatedMayOnlyHandshakeAndAuthenticate() {
        for (String json : List.of("{hello: 1}", "{isMaster: 1}", "{ping: 1}", "{buildInfo: 1}",
                "{saslStart: 1}", "{connectionStatus: 1}")) {
            Document command = json(json);
            assertDoesNotThrow(() -> authorizer.check(List.of(), "admin", command.keySet().iterator().next(), command));
        }
        MongoServerError error = refused(List.of(), "db1", "{find: 'orders'}");
        assertEquals("Command find requires authentication", error.getMessageWithoutErrorCode());
    }

    @Test
    void readAnyDatabaseReadsEveryNormalDatabaseButNotLocalOrSystemCollections() {
        allowed(READER, "db1", "{find: 'orders'}");
        allowed(READER, "reporting", "{aggregate: 'x', pipeline: [{$match: {}}], cursor: {}}");
        allowed(READER, "admin", "{listDatabases: 1, authorizedDatabases: false}");
        refused(List.of(READER), "local", "{find: 'startup_log'}");
        refused(List.of(READER), "admin", "{find: 'system.users'}");
        refused(List.of(READER), "db1", "{insert: 'orders', documents: []}");
    }

    @Test
    void readWriteIsLimitedToItsDatabase() {
        allowed(APP, "db1", "{insert: 'orders', documents: [{a: 1}]}");
        allowed(APP, "db1", "{update: 'orders', updates: [{q: {}, u: {$set: {a: 2}}, upsert: true}]}");
        allowed(APP, "db1", "{delete: 'orders', deletes: [{q: {}, limit: 0}]}");
        allowed(APP, "db1", "{listCollections: 1}");
        refused(List.of(APP), "db2", "{find: 'orders'}");
        refused(List.of(APP), "db1", "{dropDatabase: 1}");
    }

    @Test
    void customRolePrivilegesAreInheritedThroughRoles() {
        allowed(INHERITS, "db2", "{find: 'reports'}");
        refused(List.of(INHERITS), "db2", "{find: 'other'}");
    }

    @Test
    void currentOpOfOthersNeedsInprogButOwnOpsDoNot() {
        allowed(APP, "admin", "{currentOp: 1, $ownOps: true}");
        refused(List.of(APP), "admin", "{currentOp: 1, $all: true}");
        refused(List.of(APP), "admin", "{aggregate: 1, pipeline: [{$currentOp: {allUsers: true}}], cursor: {}}");
        allowed(APP, "admin", "{aggregate: 1, pipeline: [{$currentOp: {allUsers: false}}], cursor: {}}");
        allowed(MONITOR, "admin", "{currentOp: 1, $ownOps: false, $all: true}");
    }

    @Test
    void adminOnlyCommandsMustRunOnAdmin() {
        MongoServerError error = refused(List.of(TeleportFixture.DBA), "db1", "{listDatabases: 1}");
        assertEquals("listDatabases may only be run against the admin database.", error.getMessageWithoutErrorCode());
    }

    @Test
    void listDatabasesShowsOnlyDatabasesWithPrivilegesWithoutTheClusterAction() {
        List<String> all = List.of("admin", "db1", "db2", "local");
        assertEquals(List.of("db1"), authorizer.visibleDatabases(List.of(APP), all, json("{listDatabases: 1}")));
        assertEquals(all, authorizer.visibleDatabases(List.of(READER), all, json("{listDatabases: 1}")));
        allowed(APP, "admin", "{listDatabases: 1}");
        refused(List.of(APP), "admin", "{listDatabases: 1, authorizedDatabases: false}");
    }

    @Test
    void rootMayDoEverythingWeKnow() {
        for (String json : List.of("{find: 'system.users'}", "{createRole: 'r', privileges: [], roles: []}",
                "{dropDatabase: 1}", "{serverStatus: 1}", "{usersInfo: {forAllDBs: true}}")) {
            allowed(TeleportFixture.DBA, "admin", json);
        }
    }

    @Test
    void droppedUserKeepsNoPrivileges() {
        state.users().remove(APP);
        refused(List.of(APP), "db1", "{find: 'orders'}");
    }

    @Test
    void revokingPrivilegesNeedsRevokeRoleWhereThePrivilegesApply() {
        UserId revoker = new UserId("CN=revoker", "$external");
        state.roles().put(new CustomRole(RoleId.of("revoker", "admin"), List.of(
                GrantedPrivilege.of(ResourcePattern.database("db1"), "revokeRole")), List.of()));
        state.users().put(StoredUser.x509(revoker.user(), List.of(RoleId.of("revoker", "admin"))));
        allowed(revoker, "admin", "{revokePrivilegesFromRole: 'teleport-admin-role', privileges: [{resource:"
                + " {db: 'db1', collection: 'orders'}, actions: ['find']}, {resource: {db: 'db1', collection: ''},"
                + " actions: ['insert']}]}");
        refused(List.of(revoker), "admin", "{revokePrivilegesFromRole: 'teleport-admin-role', privileges: [{resource:"
                + " {db: 'db2', collection: ''}, actions: ['find']}]}");
        refused(List.of(revoker), "admin", "{revokePrivilegesFromRole: 'teleport-admin-role', privileges: [{resource:"
                + " {cluster: true}, actions: ['inprog']}]}");
        refused(List.of(revoker), "admin", "{revokePrivilegesFromRole: 'teleport-admin-role', privileges: [{resource:"
                + " {db: '', collection: 'orders'}, actions: ['find']}]}");
        allowed(revoker, "db1", "{revokeRolesFromRole: 'x', roles: ['read']}");
        refused(List.of(revoker), "db2", "{revokeRolesFromRole: 'x', roles: ['read']}");
    }

    @Test
    void unknownCommandsAreRefusedNotAllowed() {
        refused(List.of(TeleportFixture.DBA), "admin", "{someFutureCommand: 1}");
    }

    @Test
    void explainNeedsWhatTheExplainedCommandNeeds() {
        allowed(APP, "db1", "{explain: {find: 'orders'}}");
        refused(List.of(APP), "db2", "{explain: {find: 'orders'}}");
    }

    @Test
    void malformedUserAdminArgumentsFailWithTheirParseErrorFirst() {
        Document command = json("{createUser: 'CN=x', roles: 5}");
        MongoServerError error = assertThrows(MongoServerError.class,
                () -> authorizer.check(List.of(APP), "$external", "createUser", command));
        assertEquals(14, error.getCode());
    }

    @Test
    void authorizedCollectionsListsOnlyCollectionsWithPrivileges() {
        Document command = json("{listCollections: 1, authorizedCollections: true, nameOnly: true}");
        allowed(INHERITS, "db2", "{listCollections: 1, authorizedCollections: true, nameOnly: true}");
        refused(List.of(INHERITS), "db2", "{listCollections: 1}");
        assertEquals(List.of("reports"),
                authorizer.visibleCollections(List.of(INHERITS), "db2", List.of("other", "reports"), command));
        assertEquals(List.of("a", "b"), authorizer.visibleCollections(List.of(APP), "db1", List.of("a", "b"), command));
    }
}
