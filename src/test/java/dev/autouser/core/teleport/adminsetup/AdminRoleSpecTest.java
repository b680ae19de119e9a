package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.MongoCommand;
import dev.autouser.core.mongo.Operation;
import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.UserCommands;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdminRoleSpecTest {
    @Test
    void fullFormIsSeed001sFirstForm() {
        List<Document> expected = List.of(
                Document.parse("{ resource: { cluster: true }, actions: [ 'inprog' ] }"),
                Document.parse("{ resource: { db: '', collection: '' }, actions: [ 'grantRole', 'revokeRole' ] }"),
                Document.parse("{ resource: { db: '$external', collection: '' }, actions: [ 'createUser', 'updateUser', 'dropUser', 'viewUser', 'setAuthenticationRestriction', 'changeCustomData'] }"));

        assertEquals(expected, AdminRoleSpec.full().privileges());
    }

    @Test
    void leastPrivilegeFormIsSeed001sPerDatabaseForm() {
        List<Document> expected = List.of(
                Document.parse("{ resource: { cluster: true }, actions: [ 'inprog' ] }"),
                Document.parse("{ resource: { db: '', collection: '' }, actions: [ 'revokeRole' ] }"),
                Document.parse("{ resource: { db: '$external', collection: '' }, actions: [ 'createUser', 'updateUser', 'dropUser', 'viewUser', 'setAuthenticationRestriction', 'changeCustomData'] }"),
                Document.parse("{ resource: { db: 'db1', collection: '' }, actions: [ 'grantRole' ] }"),
                Document.parse("{ resource: { db: 'db2', collection: '' }, actions: [ 'grantRole' ] }"));

        assertEquals(expected, AdminRoleSpec.full().withGrantDbs(List.of("db1", " db2", "db1")).privileges());
    }

    @Test
    void viewRoleIsAddedOnAllDatabases() {
        Document allDbs = AdminRoleSpec.full().withViewRole(true).privileges().get(1);

        assertEquals(Document.parse("{ resource: { db: '', collection: '' }, actions: [ 'grantRole', 'revokeRole', 'viewRole' ] }"), allDbs);
    }

    /**
     * One privilege model: what the admin setup grants Teleport's admin is compared, in the same
     * values, with what the console says each of Teleport's commands requires (the refusal sentences'
     * source), so the set-up admin can run every one of them.
     */
    @Test
    void theAdminRoleCoversWhatTeleportsCommandsRequire() {
        List<RoleRef> roles = List.of(new RoleRef("read", "db1"));
        List<MongoCommand> teleportCommands = List.of(
                MongoCommand.of(UserCommands.EXTERNAL, UserCommands.usersInfoOne("CN=alice", true), "look up CN=alice"),
                MongoCommand.of(UserCommands.ADMIN, UserCommands.currentOpForUser("CN=alice"), "check CN=alice"),
                MongoCommand.of(UserCommands.EXTERNAL, UserCommands.createUser("CN=alice", roles), "activate CN=alice"),
                MongoCommand.of(UserCommands.EXTERNAL, UserCommands.activate("CN=alice", roles), "activate CN=alice"),
                UserCommands.lockCommand("CN=alice"),
                UserCommands.dropCommand("CN=alice"));
        List<Privilege> required = new ArrayList<>();
        teleportCommands.forEach(c -> required.addAll(c.requiredPrivileges()));
        Operation.ACTIVATE.required().forEach(required::add);
        Operation.DROP.required().forEach(required::add);

        for (AdminRoleSpec spec : List.of(AdminRoleSpec.full(), AdminRoleSpec.full().withGrantDbs(List.of("db1")))) {
            Set<Privilege> granted = spec.grants();
            for (Privilege needed : required) {
                assertEquals(true, granted.stream().anyMatch(g -> g.covers(needed)),
                        spec + " does not cover " + needed.describe());
            }
        }
        Privilege grantOnDb2 = Privilege.onDatabase("grantRole", "db2");
        assertEquals(List.of(grantOnDb2), MongoCommand.of(UserCommands.EXTERNAL,
                UserCommands.createUser("CN=bob", List.of(new RoleRef("read", "db2"))), "activate CN=bob")
                .requiredPrivileges().stream().filter(p -> p.action().equals("grantRole")).toList());
        assertEquals(false, AdminRoleSpec.full().withGrantDbs(List.of("db1")).grants().stream()
                .anyMatch(g -> g.covers(grantOnDb2)), "least privilege on db1 must not cover roles of db2");
    }
}
