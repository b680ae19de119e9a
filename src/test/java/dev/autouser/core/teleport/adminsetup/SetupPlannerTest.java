package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.provisioning.RoleRef;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.autouser.core.teleport.adminsetup.AdminSetupFixtures.adminUser;
import static dev.autouser.core.teleport.adminsetup.AdminSetupFixtures.roleWith;
import static dev.autouser.core.teleport.adminsetup.AdminSetupFixtures.setupWith;
import static dev.autouser.core.teleport.adminsetup.AdminSetupFixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SetupPlannerTest {
    private static final AdminRoleSpec FULL = AdminRoleSpec.full();

    @Test
    void freshServerGetsCreateRoleThenCreateUser() {
        SetupPlan plan = SetupPlanner.plan(FULL, ExistingSetup.empty());

        assertEquals(List.of("createRole", "createUser"), plan.steps().stream().map(PlannedStep::commandName).toList());
        assertEquals("admin", plan.steps().get(0).db());
        assertEquals("$external", plan.steps().get(1).db());
        assertEquals(Document.parse("{createUser: 'CN=teleport-admin', roles: [{role: 'teleport-admin-role', db: 'admin'}]}"),
                plan.steps().get(1).command());
    }

    @Test
    void matchingServerNeedsNothing() {
        assertTrue(SetupPlanner.plan(FULL, setupWith(FULL.grants())).isEmpty());
    }

    @Test
    void onlyMissingActionsAreGrantedAdditively() {
        Privilege dropUser = Privilege.onDatabase("dropUser", "$external");

        SetupPlan plan = SetupPlanner.plan(FULL, setupWith(without(FULL.grants(), dropUser)));

        assertEquals(Document.parse("{grantPrivilegesToRole: 'teleport-admin-role', privileges: [{resource: {db: '$external', collection: ''}, actions: ['dropUser']}]}"),
                plan.steps().get(0).command());
        assertEquals(1, plan.steps().size());
    }

    @Test
    void extrasAreRemovedWithUpdateRoleKeepingViewRole() {
        Set<Privilege> grants = new HashSet<>(FULL.grants());
        grants.add(Privilege.onEveryDatabase("dropRole"));
        grants.add(Privilege.onEveryDatabase("viewRole"));

        PlannedStep step = SetupPlanner.plan(FULL, setupWith(grants)).steps().get(0);

        assertEquals("updateRole", step.commandName());
        Document expected = SetupPlanner.updateRole(FULL, FULL.withViewRole(true).grants());
        assertEquals(expected, step.command());
    }

    @Test
    void leastPrivilegeOverAFullRoleNarrowsItWithUpdateRole() {
        AdminRoleSpec least = FULL.withGrantDbs(List.of("db1"));

        PlannedStep step = SetupPlanner.plan(least, setupWith(FULL.grants())).steps().get(0);

        assertEquals(SetupPlanner.updateRole(least, least.grants()), step.command());
    }

    @Test
    void userWithoutTheRoleGetsItGranted() {
        ExistingSetup.User bare = new ExistingSetup.User("CN=teleport-admin", "$external", List.of(new RoleRef("read", "admin")));

        SetupPlan plan = SetupPlanner.plan(FULL, new ExistingSetup(Observation.found(roleWith(FULL.grants())), Observation.found(bare), List.of()));

        assertEquals(Document.parse("{grantRolesToUser: 'CN=teleport-admin', roles: [{role: 'teleport-admin-role', db: 'admin'}]}"),
                plan.steps().get(0).command());
    }

    @Test
    void unreadableStateGivesStepsThatWorkEitherWay() {
        SetupPlan plan = SetupPlanner.plan(FULL, new ExistingSetup(Observation.unknown("no viewRole"), Observation.unknown("no viewUser"), List.of()));

        assertEquals("updateRole", plan.steps().get(0).whenExists().orElseThrow().keySet().iterator().next());
        assertEquals("grantRolesToUser", plan.steps().get(1).whenExists().orElseThrow().keySet().iterator().next());
        assertTrue(MongoshScript.render(plan).contains("if (db.getSiblingDB(\"admin\").getRole(\"teleport-admin-role\") === null) {"));
        assertTrue(MongoshScript.render(plan).contains("if (db.getSiblingDB(\"$external\").getUser(\"CN=teleport-admin\") === null) {"));
    }

    @Test
    void scriptForAFreshServerReadsLikeSeed001() {
        String script = MongoshScript.render(SetupPlanner.plan(FULL, ExistingSetup.empty()));

        assertEquals("""
                // Teleport admin setup for MongoDB: role teleport-admin-role, user CN=teleport-admin

                // Create teleport-admin-role with the privileges Teleport needs
                db.getSiblingDB("admin").runCommand({
                  createRole: "teleport-admin-role",
                  privileges: [
                    { resource: { cluster: true }, actions: [ "inprog" ] },
                    { resource: { db: "", collection: "" }, actions: [ "grantRole", "revokeRole" ] },
                    { resource: { db: "$external", collection: "" }, actions: [ "createUser", "updateUser", "dropUser", "viewUser", "setAuthenticationRestriction", "changeCustomData" ] }
                  ],
                  roles: []
                });

                // Create Teleport's admin user CN=teleport-admin
                db.getSiblingDB("$external").runCommand({
                  createUser: "CN=teleport-admin",
                  roles: [
                    { role: "teleport-admin-role", db: "admin" }
                  ]
                });
                """, script);
    }

    @Test
    void emptyPlanScriptSaysNothingToChange() {
        assertTrue(MongoshScript.render(SetupPlanner.plan(FULL, setupWith(FULL.grants()))).contains("// Nothing to change"));
    }
}
