package dev.autouser.core.teleport;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleMappingValidatorTest {
    private static final Set<String> BUILTIN_DB = Set.of("read", "readWrite", "dbAdmin", "dbOwner", "userAdmin");
    private static final RoleCatalog SERVER = db -> Optional.of(switch (db) {
        case "admin" -> Set.of("read", "readWrite", "readAnyDatabase", "root", "teleport-admin-role");
        case "db2" -> Set.of("read", "readWrite", "dbAdmin", "dbOwner", "userAdmin", "myCustomRole");
        default -> BUILTIN_DB;
    });

    private static TeleportRole roleWith(String... entries) {
        return TeleportRole.create("auto").withAllowDbRoles(List.of(entries));
    }

    private static List<String> lines(TeleportRole role, RoleCatalog catalog) {
        return RoleMappingValidator.validate(role, Map.of(), catalog).stream().map(RoleProblem::line).toList();
    }

    @Test
    void seedRoleIsValidAgainstAServerWithItsRoles() {
        TeleportRole seed = TeleportRole.parse(TestFiles.read("/teleport/seed001-role.yaml"), "seed");

        List<RoleProblem> problems = RoleMappingValidator.validate(seed, Map.of(), SERVER);

        assertFalse(RoleMappingValidator.hasErrors(problems), problems.toString());
    }

    @Test
    void wrongCaseSuggestsTheRealRole() {
        assertEquals(List.of("`readwrite@db1`: no such role — did you mean `readWrite`?"), lines(roleWith("readwrite@db1"), SERVER));
    }

    @Test
    void typoSuggestsTheClosestRole() {
        assertEquals(List.of("`myCustomRol@db2`: no such role — did you mean `myCustomRole`?"), lines(roleWith("myCustomRol@db2"), SERVER));
    }

    @Test
    void adminOnlyBuiltinInAnotherDatabasePointsToAdmin() {
        assertEquals(List.of("`readAnyDatabase@db1`: no such role in db1 — readAnyDatabase exists only in admin: did you mean `readAnyDatabase@admin`?"),
                lines(roleWith("readAnyDatabase@db1"), SERVER));
    }

    @Test
    void unknownRoleWithoutNearMissSaysToCreateIt() {
        assertEquals(List.of("`reporting@db1`: no such role in database db1; create it first or correct the name."),
                lines(roleWith("reporting@db1"), SERVER));
    }

    @Test
    void malformedEntryIsAnError() {
        assertEquals(List.of("`readWrite`: \"readWrite\" is not role@db: add the database that owns the role, e.g. readWrite@admin; Teleport refuses the session otherwise."),
                lines(roleWith("readWrite"), SERVER));
    }

    @Test
    void withoutViewRoleItSaysItCannotCheckRatherThanGuessing() {
        List<RoleProblem> problems = RoleMappingValidator.validate(roleWith("readwrite@db1", "read@db1"), Map.of(), RoleCatalog.NONE);

        assertEquals(1, problems.size());
        assertEquals(RoleProblem.Severity.NOTE, problems.get(0).severity());
        assertTrue(problems.get(0).message().startsWith("cannot check that readwrite, read exist in database db1"), problems.get(0).message());
        assertFalse(problems.get(0).message().contains("no such role"));
    }

    @Test
    void templatesAreRecognisedAndCheckedWithSampleTraits() {
        TeleportRole role = roleWith("{{internal.db_roles}}");

        List<RoleProblem> withoutTraits = RoleMappingValidator.validate(role, Map.of(), SERVER);
        assertEquals(RoleProblem.Severity.NOTE, withoutTraits.get(0).severity());
        assertTrue(withoutTraits.get(0).message().contains("db_roles trait"), withoutTraits.get(0).message());

        List<RoleProblem> withTraits = RoleMappingValidator.validate(role, Map.of("db_roles", List.of("readwrite@db1")), SERVER);
        assertEquals("`readwrite@db1 (from {{internal.db_roles}})`: no such role — did you mean `readWrite`?", withTraits.get(0).line());
    }

    @Test
    void invalidTemplateIsAnError() {
        List<RoleProblem> problems = RoleMappingValidator.validate(roleWith("{{internal.team}}"), Map.of(), SERVER);

        assertEquals(RoleProblem.Severity.ERROR, problems.get(0).severity());
    }

    @Test
    void modeTrueAndEmptyMatchersAreReported() {
        TeleportRole role = TeleportRole.parse("kind: role\nmetadata: {name: r}\nspec:\n  options: {create_db_user_mode: true}\n", "x");

        List<String> lines = lines(role, SERVER);

        assertTrue(lines.contains("`true`: create_db_user_mode: true is not a mode Teleport accepts; use keep or best_effort_drop (or off)."), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("spec.allow.db_labels: is empty")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("spec.allow.db_roles: is empty")), lines.toString());
    }

    @Test
    void missingRoleInDenyIsOnlyAWarning() {
        TeleportRole role = roleWith("read@db1").withDenyDbRoles(List.of("dbowner@db1"));

        List<RoleProblem> problems = RoleMappingValidator.validate(role, Map.of(), SERVER);

        assertEquals(RoleProblem.Severity.WARNING, problems.get(0).severity());
        assertFalse(RoleMappingValidator.hasErrors(problems));
    }
}
