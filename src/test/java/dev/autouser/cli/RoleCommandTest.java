package dev.autouser.cli;

import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.ServerCleanup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleCommandTest {
    private final MongoTarget target = MongoTarget.sandbox();
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String alice = "alice-" + id;

    private static Path role(String mode, String... entries) {
        StringBuilder yaml = new StringBuilder("kind: role\nversion: v7\nmetadata:\n  name: auto-db-users\nspec:\n  options:\n"
                + "    create_db_user_mode: " + mode + "\n  allow:\n    db_labels:\n      '*': '*'\n    db_names:\n    - '*'\n    db_roles:\n");
        for (String entry : entries) {
            yaml.append("    - '").append(entry).append("'\n");
        }
        return CliRun.file(yaml.toString());
    }

    @AfterEach
    void cleanUp() {
        ServerCleanup.dropUser(target.dba(), "CN=" + alice);
    }

    @Test
    void validRoleExitsZero() {
        CliRun run = CliRun.as(target, "dba", "role", "validate", role("keep", "readWrite@db1", "readAnyDatabase@admin", "{{internal.db_roles}}").toString());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Role auto-db-users is not fully checked: 1 trait template(s) need sample traits (--trait)"
                + " to check the roles they produce; no errors in the rest."), run.toString());
    }

    @Test
    void aRoleWhoseTemplateTheSampleTraitsFillIsValid() {
        CliRun run = CliRun.as(target, "dba", "role", "validate", role("keep", "readWrite@db1", "{{internal.db_roles}}").toString(),
                "--trait", "db_roles=read@db1");

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Role auto-db-users is valid."), run.toString());
    }

    @Test
    void eachProblemIsOneLineAndExitIsOne() {
        CliRun run = CliRun.as(target, "dba", "role", "validate", role("true", "readwrite@db1", "readWrite").toString());

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("error: `true`: create_db_user_mode: true is not a mode Teleport accepts"), run.toString());
        assertTrue(run.out().contains("error: `readwrite@db1`: no such role — did you mean `readWrite`?\n"), run.toString());
        assertTrue(run.out().contains("error: `readWrite`: \"readWrite\" is not role@db"), run.toString());
    }

    @Test
    void sampleTraitsAreExpandedAndChecked() {
        CliRun run = CliRun.as(target, "dba", "role", "validate", role("keep", "{{external.db_roles}}").toString(),
                "--trait", "db_roles=read@db1", "--trait", "db_roles=dbadmin@db1");

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("error: `dbadmin@db1 (from {{external.db_roles}})`: no such role — did you mean `dbAdmin`?"), run.toString());
    }

    @Test
    void withoutViewRoleValidationSaysItCannotCheck() {
        CliRun run = CliRun.as(target, "teleport-admin", "role", "validate", role("keep", "readwrite@db1").toString());

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("note: spec.allow.db_roles: cannot check that readwrite exists in database db1"), run.toString());
        assertTrue(run.out().contains("has no errors, but some roles could not be checked against the server"), run.toString());
    }

    @Test
    void offlineValidationChecksSyntaxWithoutAServer() {
        CliRun bad = CliRun.run("role", "validate", "--offline", role("keep", "readWrite", "read@db1").toString());
        CliRun good = CliRun.run("role", "validate", "--offline", role("keep", "read@db1").toString());

        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.out().contains("error: `readWrite`: \"readWrite\" is not role@db"), bad.toString());
        assertEquals(0, good.code(), good.toString());
        assertTrue(good.out().contains("note: spec.allow.db_roles: cannot check that read exists in database db1: no server is connected"), good.toString());
    }

    @Test
    void unparseableFileIsOneLineExitOne() {
        CliRun run = CliRun.as(target, "dba", "role", "validate", CliRun.file("kind: role\nspec: [\n").toString());

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("is not valid YAML"), run.toString());
    }

    @Test
    void previewShowsNameRolesAndCommand() {
        CliRun run = CliRun.as(target, "dba", "role", "preview", role("keep", "readWrite@db1", "readAnyDatabase@admin", "{{internal.db_roles}}").toString(),
                "--user", "alice", "--cluster", "root", "--trait", "db_roles=read@db2");

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().startsWith("MongoDB user: CN=remote-alice-root in $external (mode keep)\n"
                + "Roles: readAnyDatabase@admin, readWrite@db1, read@db2\nTeleport creates the user.\n"
                + "db.getSiblingDB(\"$external\").runCommand({\n  createUser: \"CN=remote-alice-root\","), run.toString());
    }

    @Test
    void previewOfARoleTheServerLacksHasOneVerdictTheRefusal() {
        CliRun run = CliRun.as(target, "dba", "role", "preview", role("keep", "readwrite@db1").toString(), "--user", "alice");

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("MongoDB refuses Teleport's createUser: role readwrite@db1 does not exist (31 RoleNotFound),"
                + " so the session fails.\n"), run.toString());
        assertFalse(run.out().contains("Teleport creates the user"), run.toString());
    }

    @Test
    void previewOfATakenNameIsAConflict() {
        CliRun run = CliRun.as(target, "dba", "role", "preview", role("keep", "read@db1").toString(), "--user", "dba");

        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("Conflict: user \"CN=dba\" already exists in this MongoDB database and is not managed by Teleport"), run.toString());
    }

    @Test
    void previewWithARoleSubsetOutsideTheMappingIsRefused() {
        CliRun run = CliRun.as(target, "dba", "role", "preview", role("keep", "read@db1").toString(), "--user", "alice", "--db-roles", "root@admin");

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().startsWith("error: access to database role \"root@admin\" denied"), run.toString());
    }

    @Test
    void simulateRunsActivateThenDeactivateAsTheTeleportAdmin() {
        CliRun run = CliRun.as(target, "teleport-admin", "role", "simulate", role("keep", "readWrite@db1").toString(), "--user", alice);

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("SIMULATION of a Teleport session for CN=" + alice), run.toString());
        assertTrue(run.out().contains("session start (activate): created\nsession end (deactivate, keep mode): deactivated (roles removed, locked)\n"), run.toString());
    }

    @Test
    void badTraitIsAUsageError() {
        CliRun run = CliRun.as(target, "dba", "role", "preview", role("keep", "read@db1").toString(), "--user", "alice", "--trait", "db_roles");

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--trait needs NAME=VALUE"), run.toString());
    }
}
