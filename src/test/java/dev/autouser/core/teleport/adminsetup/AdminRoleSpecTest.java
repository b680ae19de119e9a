package dev.autouser.core.teleport.adminsetup;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdminRoleSpecTest {
    @Test
    void fullFormIsSeed001sFirstForm() {
        List<Document> expected = List.of(
                Document.parse("{ resource: { cluster: true }, actions: [ 'inprog' ] }"),
                Document.parse("{ resource: { db: '', collection: '' }, actions: [ 'grantRole', 'revokeRole' ] }"),
                Document.parse("{ resource: { db: '$external', collection: '' }, actions: [ 'createUser', 'updateUser', 'dropUser', 'viewUser', 'setAuthenticationRestriction', 'changeCustomData'] }"));

        assertEquals(expected, AdminRoleSpec.full().privileges().stream().map(RolePrivilege::toDocument).toList());
    }

    @Test
    void leastPrivilegeFormIsSeed001sPerDatabaseForm() {
        List<Document> expected = List.of(
                Document.parse("{ resource: { cluster: true }, actions: [ 'inprog' ] }"),
                Document.parse("{ resource: { db: '', collection: '' }, actions: [ 'revokeRole' ] }"),
                Document.parse("{ resource: { db: '$external', collection: '' }, actions: [ 'createUser', 'updateUser', 'dropUser', 'viewUser', 'setAuthenticationRestriction', 'changeCustomData'] }"),
                Document.parse("{ resource: { db: 'db1', collection: '' }, actions: [ 'grantRole' ] }"),
                Document.parse("{ resource: { db: 'db2', collection: '' }, actions: [ 'grantRole' ] }"));

        assertEquals(expected, AdminRoleSpec.full().withGrantDbs(List.of("db1", " db2", "db1")).privileges().stream().map(RolePrivilege::toDocument).toList());
    }

    @Test
    void viewRoleIsAddedOnAllDatabases() {
        Document allDbs = AdminRoleSpec.full().withViewRole(true).privileges().get(1).toDocument();

        assertEquals(Document.parse("{ resource: { db: '', collection: '' }, actions: [ 'grantRole', 'revokeRole', 'viewRole' ] }"), allDbs);
    }
}
