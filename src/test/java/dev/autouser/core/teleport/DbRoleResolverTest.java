package dev.autouser.core.teleport;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DbRoleResolverTest {
    private static final TeleportRole SEED = TeleportRole.parse(TestFiles.read("/teleport/seed001-role.yaml"), "seed");

    @Test
    void expandsTraitsAndSortsByDatabaseThenRole() {
        DbRoleResolver.Assignment a = DbRoleResolver.resolve(SEED,
                Map.of("db_roles", List.of("dbAdmin@db1", "readWrite@db1")), List.of());

        assertEquals("[readAnyDatabase@admin, dbAdmin@db1, readWrite@db1, myCustomRole@db2]", a.roles().toString());
    }

    @Test
    void missingTraitsAddNothingAndAreExplained() {
        DbRoleResolver.Assignment a = DbRoleResolver.resolve(SEED, Map.of(), List.of());

        assertEquals("[readAnyDatabase@admin, readWrite@db1, myCustomRole@db2]", a.roles().toString());
        assertEquals(2, a.notes().size());
    }

    @Test
    void denyRemovesExactEntriesEvenWhenTheyComeFromTraits() {
        TeleportRole role = SEED.withDenyDbRoles(List.of("readWrite@db1", "{{external.banned}}"));

        DbRoleResolver.Assignment a = DbRoleResolver.resolve(role,
                Map.of("db_roles", List.of("dbOwner@db3"), "banned", List.of("dbOwner@db3")), List.of());

        assertEquals("[readAnyDatabase@admin, myCustomRole@db2]", a.roles().toString());
    }

    @Test
    void requestedSubsetMustBeAllowed() {
        DbRoleResolver.Assignment a = DbRoleResolver.resolve(SEED, Map.of(), List.of("readWrite@db1"));
        assertEquals("[readWrite@db1]", a.roles().toString());

        TeleportConfigException e = assertThrows(TeleportConfigException.class,
                () -> DbRoleResolver.resolve(SEED, Map.of(), List.of("root@admin")));
        assertTrue(e.getMessage().startsWith("access to database role \"root@admin\" denied"), e.getMessage());
    }

    @Test
    void offModeAssignsNothing() {
        DbRoleResolver.Assignment a = DbRoleResolver.resolve(SEED.withMode(CreateDbUserMode.OFF), Map.of(), List.of());

        assertEquals(List.of(), a.roles());
        assertEquals(CreateDbUserMode.OFF, a.mode());
    }

    @Test
    void malformedExpandedEntryFailsLikeTeleport() {
        assertThrows(TeleportConfigException.class,
                () -> DbRoleResolver.resolve(SEED, Map.of("db_roles", List.of("readWrite")), List.of()));
    }
}
