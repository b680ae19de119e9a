package dev.autouser.cli;

import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import dev.autouser.testsupport.ServerCleanup;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminSetupCommandTest {
    private final MongoTarget target = MongoTarget.sandbox();
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String role = "teleport-admin-role-" + id;
    private final String user = "CN=teleport-admin-" + id;

    @AfterEach
    void cleanUp() {
        ServerCleanup.dropUser(target.dba(), user);
        ServerCleanup.dropUser(target.dba(), "CN=reader-" + id);
        ServerCleanup.dropRole(target.dba(), "admin", role);
    }

    private CliRun adminSetup(String commonName, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("admin-setup", "--role-name", role, "--admin-user", user));
        all.addAll(List.of(args));
        return CliRun.as(target, commonName, all.toArray(String[]::new));
    }

    @Test
    void verifyFailsOnAFreshServerApplyFixesItAndASecondApplyChangesNothing() {
        CliRun before = adminSetup("dba", "--verify");
        CliRun apply = adminSetup("dba", "--apply");
        CliRun again = adminSetup("dba", "--apply");
        CliRun after = adminSetup("dba", "--verify");

        assertEquals(1, before.code(), before.toString());
        assertTrue(before.out().contains("problem: role " + role + "@admin does not exist"), before.toString());
        assertTrue(before.out().contains("problem: user " + user + " in $external does not exist"), before.toString());
        assertEquals(0, apply.code(), apply.toString());
        assertTrue(apply.out().contains("done: createRole " + role), apply.toString());
        assertTrue(apply.out().contains("The setup now matches what Teleport needs."), apply.toString());
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("Nothing to change"), again.toString());
        assertEquals(0, after.code(), after.toString());
        assertTrue(after.out().contains("The setup matches what Teleport needs."), after.toString());
    }

    @Test
    void verifyListsTheMissingActionOfADriftedRole() {
        adminSetup("dba", "--apply");
        target.dba().getDatabase("admin").runCommand(new Document("updateRole", role).append("privileges", List.of(
                new Document("resource", new Document("cluster", true)).append("actions", List.of("inprog")),
                new Document("resource", new Document("db", "").append("collection", "")).append("actions", List.of("grantRole", "revokeRole")),
                new Document("resource", new Document("db", "$external").append("collection", "")).append("actions",
                        List.of("createUser", "updateUser", "viewUser", "setAuthenticationRestriction", "changeCustomData")))));

        CliRun verify = adminSetup("dba", "--verify");

        assertEquals(1, verify.code(), verify.toString());
        assertTrue(verify.out().contains("problem: missing dropUser on $external: dropUser needs it, so MongoDB refuses (13 Unauthorized)"
                + " session end in best_effort_drop mode"), verify.toString());
        assertTrue(verify.out().contains("1 finding; fix with --apply"), verify.toString());
    }

    @Test
    void leastPrivilegeWithViewRoleIsScriptedAsAsked() {
        CliRun script = adminSetup("dba", "--print-script", "--grant-dbs", "db1,db2", "--with-view-role");

        assertEquals(0, script.code(), script.toString());
        assertTrue(script.out().contains("{ resource: { db: \"\", collection: \"\" }, actions: [ \"revokeRole\", \"viewRole\" ] }"), script.out());
        assertTrue(script.out().contains("{ resource: { db: \"db1\", collection: \"\" }, actions: [ \"grantRole\" ] }"), script.out());
        assertTrue(script.out().startsWith("// Teleport admin setup"), script.out());
    }

    @Test
    void anIdentityWithoutPrivilegesIsToldWhatIsMissingAndGetsTheScript() {
        target.dba().getDatabase("$external").runCommand(new Document("createUser", "CN=reader-" + id)
                .append("roles", List.of(new Document("role", "read").append("db", "db1"))));

        CliRun apply = adminSetup("reader-" + id, "--apply");

        assertEquals(1, apply.code(), apply.toString());
        assertTrue(apply.out().contains("refused: createRole " + role + " — CN=reader-" + id + "@$external is not allowed to run createRole on admin"), apply.toString());
        assertTrue(apply.out().contains("db.getSiblingDB(\"admin\").runCommand({"), apply.toString());
        assertTrue(apply.out().contains("Someone with the privileges can run the script above"), apply.toString());
    }

    @Test
    void teleportYamlDescribesThisServer() {
        CliRun yaml = adminSetup("dba", "--teleport-yaml", "--db-name", "orders");
        CliRun staticYaml = adminSetup("dba", "--teleport-yaml", "--static");
        String address = "localhost:" + target.sandboxServer().orElseThrow().port();

        assertEquals("kind: db\nversion: v3\nmetadata:\n  name: orders\nspec:\n  protocol: mongodb\n  uri: " + address
                + "\n  admin_user:\n    name: teleport-admin-" + id + "\n", yaml.out());
        assertTrue(staticYaml.out().startsWith("db_service:\n  enabled: true\n  databases:\n  - name: mongodb\n"), staticYaml.out());
    }

    @Test
    void actionsAreMutuallyExclusiveAndOneIsRequired() {
        assertEquals(2, adminSetup("dba", "--verify", "--apply").code());
        assertEquals(2, adminSetup("dba").code());
        assertEquals(2, adminSetup("dba", "--verify", "--static").code());
    }

    private static String roleFile(String... entries) {
        StringBuilder yaml = new StringBuilder("kind: role\nversion: v7\nmetadata:\n  name: auto\nspec:\n  options:\n"
                + "    create_db_user_mode: keep\n  allow:\n    db_roles:\n");
        for (String entry : entries) {
            yaml.append("    - '").append(entry).append("'\n");
        }
        return CliRun.file(yaml.toString()).toString();
    }

    @Test
    void leastPrivilegeForARoleCoversTheRolesAutoUsersHoldToo() {
        Seeds seeds = new Seeds(target);
        try {
            seeds.autoUser("holder", false, "read@reporting");

            CliRun script = adminSetup("dba", "--print-script", "--grant-dbs-for", roleFile("readWrite@db1"));

            assertEquals(0, script.code(), script.toString());
            assertTrue(script.out().contains("{ resource: { db: \"db1\", collection: \"\" }, actions: [ \"grantRole\" ] }"), script.out());
            assertTrue(script.out().contains("{ resource: { db: \"reporting\", collection: \"\" }, actions: [ \"grantRole\" ] }"), script.out());
        } finally {
            seeds.dropAll();
        }
    }

    @Test
    void leastPrivilegeForARoleWithATemplateCannotBeComputed() {
        CliRun run = adminSetup("dba", "--print-script", "--grant-dbs-for", roleFile("readWrite@db1", "{{internal.db_roles}}"));

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().startsWith("error: Least privilege cannot be computed: {{internal.db_roles}} can name a role in any"
                + " database, so grant grantRole on all databases."), run.toString());
    }
}
