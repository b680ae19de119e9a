package dev.autouser.sandbox.security;

import static dev.autouser.sandbox.security.Docs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolesInfoAndConnectionStatusTest {

    private final SecurityState state = TeleportFixture.full();
    private final UserAdminCommands commands = new UserAdminCommands(state, "7.0.14");

    @SuppressWarnings("unchecked")
    private List<Document> roles(String db, String json) {
        return (List<Document>) commands.handle(db, "rolesInfo", json(json), List.of()).get("roles");
    }

    @Test
    void rolesInfoDescribesCustomRoleWithPrivileges() {
        Document role = roles("admin", "{rolesInfo: 'teleport-admin-role', showPrivileges: true}").get(0);
        assertEquals("admin.teleport-admin-role", role.get("_id"));
        assertEquals(false, role.get("isBuiltin"));
        assertEquals(List.of(), role.get("roles"));
        List<?> privileges = (List<?>) role.get("privileges");
        assertTrue(privileges.contains(json("{resource: {cluster: true}, actions: ['inprog']}")));
        assertTrue(role.containsKey("inheritedPrivileges"));
    }

    @Test
    void rolesInfoWithoutShowPrivilegesOmitsThem() {
        Document role = roles("db2", "{rolesInfo: {role: 'myCustomRole', db: 'db2'}}").get(0);
        assertFalse(role.containsKey("privileges"));
        assertEquals(List.of(), role.get("inheritedRoles"));
    }

    @Test
    void rolesInfoOneListsCustomRolesAndBuiltinsOnRequest() {
        assertEquals(List.of("myCustomRole"), roles("db2", "{rolesInfo: 1}").stream().map(r -> r.get("role")).toList());
        List<Object> withBuiltins = roles("db2", "{rolesInfo: 1, showBuiltinRoles: true}").stream()
                .map(r -> r.get("role")).toList();
        assertTrue(withBuiltins.containsAll(List.of("myCustomRole", "read", "readWrite", "dbOwner")));
        assertFalse(withBuiltins.contains("readAnyDatabase"), "admin-only roles exist only in admin");
    }

    @Test
    void rolesInfoForUnknownRoleIsEmpty() {
        assertEquals(List.of(), roles("db2", "{rolesInfo: 'ghost'}"));
    }

    @Test
    void builtinRoleShowsFlattenedPrivileges() {
        Document root = roles("admin", "{rolesInfo: 'root', showPrivileges: true}").get(0);
        assertEquals(true, root.get("isBuiltin"));
        assertTrue(((List<?>) root.get("privileges")).size() > 10);
    }

    @Test
    void connectionStatusReportsUsersDirectRolesAndPrivileges() {
        Document reply = commands.handle("admin", "connectionStatus", json("{connectionStatus: 1, showPrivileges: true}"),
                List.of(TeleportFixture.ADMIN));
        Document authInfo = (Document) reply.get("authInfo");
        assertEquals(List.of(json("{user: 'CN=teleport-admin', db: '$external'}")), authInfo.get("authenticatedUsers"));
        assertEquals(List.of(json("{role: 'teleport-admin-role', db: 'admin'}")), authInfo.get("authenticatedUserRoles"));
        assertTrue(((List<?>) authInfo.get("authenticatedUserPrivileges"))
                .contains(json("{resource: {cluster: true}, actions: ['inprog']}")));
        assertEquals(1.0, reply.get("ok"));
    }

    @Test
    void connectionStatusListsInheritedRolesToo() {
        state.roles().put(new CustomRole(RoleId.of("wrapper", "db2"), List.of(), List.of(TeleportFixture.CUSTOM_ROLE)));
        UserId carol = new UserId("CN=carol", "$external");
        state.users().put(StoredUser.x509(carol.user(), List.of(RoleId.of("wrapper", "db2"))));
        Document authInfo = (Document) commands.handle("admin", "connectionStatus", json("{connectionStatus: 1}"),
                List.of(carol)).get("authInfo");
        assertEquals(List.of(json("{role: 'wrapper', db: 'db2'}"), json("{role: 'myCustomRole', db: 'db2'}")),
                authInfo.get("authenticatedUserRoles"));
    }

    @Test
    void connectionStatusWithoutLoginIsEmpty() {
        Document authInfo = (Document) commands.handle("admin", "connectionStatus", json("{connectionStatus: 1}"),
                List.of()).get("authInfo");
        assertEquals(List.of(), authInfo.get("authenticatedUsers"));
        assertEquals(List.of(), authInfo.get("authenticatedUserRoles"));
    }
}
