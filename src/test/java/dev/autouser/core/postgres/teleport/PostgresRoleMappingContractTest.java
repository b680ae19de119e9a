package dev.autouser.core.postgres.teleport;

import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.core.teleport.TeleportRole;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * db_roles checked against a real server's pg_roles, and the preview of Teleport's activation held
 * against what Teleport's procedure then really does there.
 */
class PostgresRoleMappingContractTest {
    private static PostgresTarget target;
    private static PostgresGateway gateway;
    private static TeleportAgent agent;
    private static int next;

    @BeforeAll
    static void start() {
        target = PostgresTarget.shared();
        target.sql("DO $$BEGIN IF to_regrole('rm_reader') IS NULL THEN CREATE ROLE rm_reader; CREATE ROLE rm_writer;"
                        + " CREATE ROLE rm_secret; END IF; END$$",
                "GRANT rm_reader, rm_writer TO \"teleport-admin\" WITH ADMIN OPTION, INHERIT FALSE, SET FALSE");
        gateway = PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null);
        agent = target.teleportAgent();
    }

    @AfterAll
    static void close() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static String newUser() {
        return "rm-user-" + (++next);
    }

    private static TeleportRole role(String... dbRoles) {
        StringBuilder yaml = new StringBuilder("kind: role\nversion: v7\nmetadata:\n  name: pg-auto\nspec:\n  options:\n"
                + "    create_db_user_mode: keep\n  allow:\n    db_labels:\n      '*': '*'\n    db_names: ['*']\n    db_roles:\n");
        for (String r : dbRoles) {
            yaml.append("    - \"").append(r).append("\"\n");
        }
        return TeleportRole.parse(yaml.toString(), "role.yaml");
    }

    private static PostgresRoleMapping.ServerRoles server() {
        return PostgresRoleMapping.ServerRoles.read(gateway, PostgresTarget.TELEPORT_ADMIN);
    }

    @Test
    void aRoleTheAdminHoldsWithAdminOptionIsValid() {
        List<RoleProblem> problems = PostgresRoleMapping.validate(role("rm_reader", "rm_writer"), Map.of(), server());

        assertEquals(List.of(), problems);
    }

    @Test
    void aMongoStyleEntryIsNoRoleAndTeleportsGrantReallyFails() {
        List<RoleProblem> problems = PostgresRoleMapping.validate(role("rm_reader@appdb"), Map.of(), server());

        assertEquals(1, problems.size());
        assertEquals(RoleProblem.Severity.ERROR, problems.get(0).severity());
        assertTrue(problems.get(0).message().startsWith("no such role: PostgreSQL role names have no @db"), problems.toString());
        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(newUser(), List.of("rm_reader@appdb")));
        assertEquals("42704", refusal.sqlState());
    }

    @Test
    void onPostgres16ARoleTheAdminDoesNotHoldWithAdminOptionCannotBeGranted() {
        List<RoleProblem> problems = PostgresRoleMapping.validate(role("rm_secret"), Map.of(), server());

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("exists, but teleport-admin does not hold it WITH ADMIN OPTION"));
        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(newUser(), List.of("rm_secret")));
        assertEquals("42501", refusal.sqlState(), refusal.getMessage());
    }

    @Test
    void templatesExpandFromSampleTraitsAndEachValueIsChecked() {
        TeleportRole templated = role("{{internal.db_roles}}");
        Map<String, List<String>> traits = Map.of("db_roles", List.of("rm_writer", "rm_nope"));

        List<RoleProblem> problems = PostgresRoleMapping.validate(templated, traits, server());

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("rm_nope (from {{internal.db_roles}})", problems.get(0).entry());
        assertEquals(List.of("rm_nope", "rm_writer"), PostgresRoleMapping.rolesFor(templated, traits));
    }

    @Test
    void thePreviewOfANewUserIsWhatTeleportThenDoes() throws Exception {
        String user = newUser();

        PostgresSessionPreview preview = PostgresSessionPreview.of(gateway, user, List.of("rm_writer", "rm_reader"));

        assertFalse(preview.refused());
        assertEquals(List.of("call pg_temp.teleport_activate_user('" + user + "', ARRAY['rm_reader', 'rm_writer']::varchar[]);",
                "CREATE USER \"" + user + "\" IN ROLE \"teleport-auto-user\";", "GRANT \"rm_reader\" TO \"" + user + "\";",
                "GRANT \"rm_writer\" TO \"" + user + "\";"), preview.statements());
        agent.activate(user, preview.roles());
        RoleFacts facts = RoleFacts.existing(user);
        assertTrue(facts.inGroup() && facts.canLogin());
        assertEquals(List.of("rm_reader", "rm_writer"), facts.directRoles());
    }

    @Test
    void thePreviewOfAConnectedUserWithOtherRolesIsTeleportsTP002() throws Exception {
        String user = newUser();
        agent.activate(user, List.of("rm_reader"));
        try (Connection open = target.sessionAs(user, "postgres", "psql")) {
            PostgresSessionPreview preview = PostgresSessionPreview.of(gateway, user, List.of("rm_writer"));

            assertTrue(preview.refused());
            assertTrue(preview.outcome().startsWith("Teleport refuses the session (TP002)"), preview.outcome());
            assertEquals("TP002", assertThrows(TeleportRefusal.class,
                    () -> agent.activate(user, List.of("rm_writer"))).sqlState());
        }
    }

    @Test
    void thePreviewOfARoleOutsideTheGroupIsTeleportsRefusal() {
        String user = newUser();
        target.sql("CREATE ROLE \"" + user + "\" LOGIN");

        PostgresSessionPreview preview = PostgresSessionPreview.of(gateway, user, List.of("rm_reader"));

        assertTrue(preview.refused());
        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(user, List.of("rm_reader")));
        assertEquals("Teleport refuses the session: " + refusal.getMessage(), preview.outcome());
    }
}
