package dev.autouser.core.teleport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeleportRoleTest {
    private static final String SEED_ROLE = TestFiles.read("/teleport/seed001-role.yaml");
    private static final String TCTL_ROLE = TestFiles.read("/teleport/tctl-role.yaml");

    @Test
    void readsEveryFieldOfSeed001Role() {
        TeleportRole role = TeleportRole.parse(SEED_ROLE, "seed.yaml");

        assertEquals("auto-db-users", role.name());
        assertEquals(CreateDbUserMode.KEEP, role.mode());
        assertEquals(Map.of("*", List.of("*")), role.dbLabels());
        assertEquals(List.of("*"), role.dbNames());
        assertEquals(List.of("readAnyDatabase@admin", "readWrite@db1", "myCustomRole@db2",
                "{{internal.db_roles}}", "{{external.db_roles}}"), role.allowDbRoles());
        assertEquals(List.of(), role.denyDbRoles());
    }

    @Test
    void seed001RoleRoundTripsToAnEquivalentTree() throws Exception {
        TeleportRole role = TeleportRole.parse(SEED_ROLE, "seed.yaml");

        String written = role.toYaml();

        JsonNode original = TeleportYaml.mapper().readTree(SEED_ROLE);
        assertEquals(original, TeleportYaml.mapper().readTree(written));
        assertEquals(role, TeleportRole.parse(written, "written.yaml"));
    }

    @Test
    void editingKnownFieldsKeepsEveryOtherField() throws Exception {
        TeleportRole role = TeleportRole.parse(TCTL_ROLE, "tctl.yaml");

        TeleportRole edited = role.withMode(CreateDbUserMode.KEEP)
                .withAllowDbRoles(List.of("readWrite@analytics"))
                .withDenyDbRoles(List.of());

        JsonNode tree = TeleportYaml.mapper().readTree(edited.toYaml());
        assertEquals("keep", tree.at("/spec/options/create_db_user_mode").asText());
        assertEquals("readWrite@analytics", tree.at("/spec/allow/db_roles/0").asText());
        assertTrue(tree.at("/spec/deny/db_roles").isMissingNode());
        assertEquals("8h0m0s", tree.at("/spec/options/max_session_ttl").asText());
        assertEquals("{{internal.logins}}", tree.at("/spec/allow/logins/0").asText());
        assertEquals("session", tree.at("/spec/allow/rules/0/resources/0").asText());
        assertEquals("3c1f0f5e-6a4b-4c4e-9d51-0e1c9a2b7d10", tree.at("/metadata/revision").asText());
        assertEquals("staging", tree.at("/spec/allow/app_labels/env").asText());
        assertEquals(List.of("staging", "prod"), role.dbLabels().get("env"));
    }

    @Test
    void writtenYamlQuotesWildcardsAndTemplates() {
        String yaml = TeleportRole.create("auto").withAllowDbRoles(List.of("{{internal.db_roles}}")).toYaml();

        assertTrue(yaml.contains("'*': '*'"), yaml);
        assertTrue(yaml.contains("- \"{{internal.db_roles}}\""), yaml);
        assertEquals(TeleportRole.create("auto").withAllowDbRoles(List.of("{{internal.db_roles}}")),
                TeleportRole.parse(yaml, "x"));
    }

    @Test
    void yamlFalseMeansOff() {
        TeleportRole role = TeleportRole.parse(SEED_ROLE.replace("create_db_user_mode: keep", "create_db_user_mode: false"), "x");

        assertEquals(CreateDbUserMode.OFF, role.mode());
    }

    @Test
    void missingModeMeansOff() {
        TeleportRole role = TeleportRole.parse("kind: role\nmetadata:\n  name: r\nspec: {}\n", "x");

        assertEquals(CreateDbUserMode.OFF, role.mode());
    }

    @Test
    void yamlTrueIsRefusedWithAClearMessage() {
        TeleportRole role = TeleportRole.parse(SEED_ROLE.replace("create_db_user_mode: keep", "create_db_user_mode: true"), "x");

        TeleportConfigException e = assertThrows(TeleportConfigException.class, role::mode);
        assertEquals("create_db_user_mode: true is not a mode Teleport accepts; use keep or best_effort_drop (or off).", e.getMessage());
    }

    @Test
    void unknownModeIsRefusedNamingTheValidOnes() {
        TeleportRole role = TeleportRole.parse(SEED_ROLE.replace("create_db_user_mode: keep", "create_db_user_mode: drop"), "x");

        TeleportConfigException e = assertThrows(TeleportConfigException.class, role::mode);
        assertTrue(e.getMessage().contains("\"drop\" is not a mode Teleport knows; use off, keep or best_effort_drop"), e.getMessage());
    }

    @Test
    void singleStringIsReadAsAOneItemList() {
        TeleportRole role = TeleportRole.parse("kind: role\nmetadata: {name: r}\nspec:\n  allow:\n    db_roles: read@db1\n", "x");

        assertEquals(List.of("read@db1"), role.allowDbRoles());
    }

    @Test
    void invalidYamlSaysWhereAndLosesNothing() {
        TeleportConfigException e = assertThrows(TeleportConfigException.class,
                () -> TeleportRole.parse("kind: role\nmetadata:\n  name: [unclosed\n", "bad.yaml"));

        assertTrue(e.getMessage().startsWith("bad.yaml is not valid YAML (line"), e.getMessage());
    }

    @Test
    void fileWithoutARoleIsRefused() {
        TeleportConfigException e = assertThrows(TeleportConfigException.class,
                () -> TeleportRole.parse(TestFiles.read("/teleport/seed001-db.yaml"), "db.yaml"));

        assertEquals("db.yaml holds no Teleport role (kind: role); export one with tctl get role/NAME.", e.getMessage());
    }

    @Test
    void fileWithSeveralRolesNamesThem() {
        String two = "kind: role\nmetadata: {name: a}\n---\nkind: role\nmetadata: {name: b}\n";

        TeleportConfigException e = assertThrows(TeleportConfigException.class, () -> TeleportRole.parse(two, "two.yaml"));

        assertEquals("two.yaml holds 2 roles (a, b); keep one per file, e.g. tctl get role/NAME.", e.getMessage());
    }
}
