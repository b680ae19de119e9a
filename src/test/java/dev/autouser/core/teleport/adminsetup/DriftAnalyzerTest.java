package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.provisioning.UserCommands;
import dev.autouser.core.provisioning.RoleRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.autouser.core.teleport.adminsetup.AdminSetupFixtures.adminUser;
import static dev.autouser.core.teleport.adminsetup.AdminSetupFixtures.roleWith;
import static dev.autouser.core.teleport.adminsetup.AdminSetupFixtures.setupWith;
import static dev.autouser.core.teleport.adminsetup.AdminSetupFixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftAnalyzerTest {
    private static final AdminRoleSpec FULL = AdminRoleSpec.full();
    private static final AdminRoleSpec LEAST = FULL.withGrantDbs(List.of("db1", "db2"));

    static Stream<Privilege> everyFullGrant() {
        return FULL.grants().stream();
    }

    static Stream<Privilege> everyLeastGrant() {
        return LEAST.grants().stream();
    }

    @Test
    void matchingFullSetupHasNoFindings() {
        assertEquals(List.of(), DriftAnalyzer.analyze(FULL, setupWith(FULL.grants())));
    }

    @Test
    void freshServerMissesRoleAndUser() {
        List<Finding> findings = DriftAnalyzer.analyze(FULL, ExistingSetup.empty());

        assertEquals(List.of(Finding.Kind.ROLE_MISSING, Finding.Kind.USER_MISSING), findings.stream().map(Finding::kind).toList());
        assertEquals("role teleport-admin-role@admin does not exist: the admin user has no privileges, so every session start fails",
                findings.get(0).line());
    }

    @ParameterizedTest
    @MethodSource("everyFullGrant")
    void eachMissingActionOfTheFullFormIsFoundWithItsConsequence(Privilege missing) {
        List<Finding> findings = DriftAnalyzer.analyze(FULL, setupWith(without(FULL.grants(), missing)));

        assertEquals(1, findings.size(), findings.toString());
        // What Teleport needs is proven per action by TeleportNeedsContract; a guide-only grant is a note.
        assertEquals(TeleportNeeds.isNeeded(missing) ? Finding.Kind.MISSING_ACTION : Finding.Kind.NOTE, findings.get(0).kind());
        assertEquals("missing " + missing.describe(), findings.get(0).message());
        assertEquals(TeleportNeeds.whatFailsWithout(missing), findings.get(0).consequence());
        assertFalse(findings.get(0).consequence().startsWith("Teleport does not use"));
    }

    @ParameterizedTest
    @MethodSource("everyLeastGrant")
    void eachMissingActionOfTheLeastPrivilegeFormIsFound(Privilege missing) {
        List<Finding> findings = DriftAnalyzer.analyze(LEAST, setupWith(without(LEAST.grants(), missing)));

        assertEquals(List.of("missing " + missing.describe()), findings.stream().map(Finding::message).toList());
    }

    @Test
    void grantRoleOnOneDatabaseNamesThatDatabasesSessions() {
        Privilege db1 = Privilege.onDatabase("grantRole", "db1");

        assertTrue(TeleportNeeds.whatFailsWithout(db1).contains("for sessions whose db_roles name a role in db1, so MongoDB refuses"
                + " (13 Unauthorized) a first session"), TeleportNeeds.whatFailsWithout(db1));
    }

    @Test
    void guideOnlyActionsAreNotesThatSayNothingFails() {
        for (String action : List.of("updateUser", "changeCustomData")) {
            Privilege missing = Privilege.onDatabase(action, UserCommands.EXTERNAL);

            List<Finding> findings = DriftAnalyzer.analyze(FULL, setupWith(without(FULL.grants(), missing)));

            assertTrue(DriftAnalyzer.matches(findings), findings.toString());
            assertTrue(findings.get(0).consequence().startsWith("granted by Teleport's guide, but no command Teleport sends needs it"),
                    findings.get(0).consequence());
        }
    }

    @Test
    void fullFormJudgedAsLeastPrivilegeReportsTheWideGrantRole() {
        List<Finding> findings = DriftAnalyzer.analyze(LEAST, setupWith(FULL.grants()));

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Finding.Kind.EXTRA_ACTION, findings.get(0).kind());
        assertEquals("extra grantRole on all databases (least privilege needs it only on db1, db2)", findings.get(0).message());
    }

    @Test
    void unrequestedViewRoleIsOnlyANote() {
        Set<Privilege> grants = new HashSet<>(FULL.grants());
        grants.add(Privilege.onEveryDatabase("viewRole"));

        List<Finding> findings = DriftAnalyzer.analyze(FULL, setupWith(grants));

        assertEquals(List.of(Finding.Kind.NOTE), findings.stream().map(Finding::kind).toList());
        assertTrue(DriftAnalyzer.matches(findings));
    }

    @Test
    void inheritedRolesAreExtra() {
        ExistingSetup.Role role = new ExistingSetup.Role("teleport-admin-role", "admin", FULL.grants(), List.of(new RoleRef("root", "admin")));

        List<Finding> findings = DriftAnalyzer.analyze(FULL, new ExistingSetup(Observation.found(role), Observation.found(adminUser()), List.of()));

        assertEquals("role inherits root@admin", findings.get(0).message());
    }

    @Test
    void userInAdminInsteadOfExternalIsTheWrongAuthenticationDatabase() {
        ExistingSetup.User inAdmin = new ExistingSetup.User("CN=teleport-admin", "admin", List.of(new RoleRef("teleport-admin-role", "admin")));

        List<Finding> findings = DriftAnalyzer.analyze(FULL,
                new ExistingSetup(Observation.found(roleWith(FULL.grants())), Observation.absent(), List.of(inAdmin)));

        assertEquals(Finding.Kind.WRONG_AUTH_DB, findings.get(0).kind());
        assertEquals("CN=teleport-admin exists in admin, not in $external", findings.get(0).message());
    }

    @Test
    void userWithoutTheRoleIsReported() {
        ExistingSetup.User bare = new ExistingSetup.User("CN=teleport-admin", "$external", List.of(new RoleRef("read", "admin")));

        List<Finding> findings = DriftAnalyzer.analyze(FULL,
                new ExistingSetup(Observation.found(roleWith(FULL.grants())), Observation.found(bare), List.of()));

        assertEquals(Finding.Kind.USER_LACKS_ROLE, findings.get(0).kind());
        assertEquals("CN=teleport-admin in $external lacks role teleport-admin-role@admin (has [read@admin])", findings.get(0).message());
        assertEquals(Finding.Kind.NOTE, findings.get(1).kind());
    }

    @Test
    void unreadableRoleSaysWhy() {
        List<Finding> findings = DriftAnalyzer.analyze(FULL,
                new ExistingSetup(Observation.unknown("CN=alice may not run rolesInfo on admin (needs viewRole)"), Observation.found(adminUser()), List.of()));

        assertEquals("cannot read role teleport-admin-role@admin: CN=alice may not run rolesInfo on admin (needs viewRole)", findings.get(0).line());
        assertFalse(DriftAnalyzer.matches(findings));
    }
}
