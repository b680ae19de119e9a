package dev.autouser.core.teleport;

import dev.autouser.core.provisioning.RoleRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DbRoleEntryTest {
    @Test
    void splitsAtTheFirstAt() {
        assertEquals(new RoleRef("readWrite", "db1"), DbRoleEntry.parse("readWrite@db1"));
        assertEquals(new RoleRef("a", "b@c"), DbRoleEntry.parse("a@b@c"));
    }

    @Test
    void entryWithoutAtSaysToAddTheDatabase() {
        assertEquals("\"readWrite\" is not role@db: add the database that owns the role, e.g. readWrite@admin; Teleport refuses the session otherwise.",
                message("readWrite"));
    }

    @Test
    void entryWithoutRoleOrDatabaseSaysWhichPartIsMissing() {
        assertEquals("\"@db1\" has no role name before the @; write role@db, e.g. read@db1.", message("@db1"));
        assertEquals("\"readWrite@\" has no database after the @; write role@db, e.g. readWrite@admin.", message("readWrite@"));
        assertEquals("An empty db_roles entry names no role; write role@db, e.g. readWrite@db1.", message(" "));
    }

    @Test
    void spacesAroundNamesAreFlagged() {
        assertEquals("\"read @db1\" has spaces around the role or database; MongoDB would look for a role with those spaces in its name.",
                message("read @db1"));
    }

    @Test
    void sortsByDatabaseThenRoleLikeTeleport() {
        List<RoleRef> sorted = Stream.of("readWrite@db1", "readAnyDatabase@admin", "read@db1", "myCustomRole@db2")
                .map(DbRoleEntry::parse).sorted().toList();

        assertEquals("[readAnyDatabase@admin, read@db1, readWrite@db1, myCustomRole@db2]", sorted.toString());
    }

    private static String message(String entry) {
        return assertThrows(TeleportConfigException.class, () -> DbRoleEntry.parse(entry)).getMessage();
    }
}
