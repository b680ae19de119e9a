package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoleRefTest {
    @Test
    void parsesRoleAtDatabase() {
        assertEquals(new RoleRef("readWrite", "sales"), RoleRef.parse("readWrite@sales"));
    }

    @Test
    void splitsAtTheFirstAtSignAsTeleportDoes() {
        assertEquals(new RoleRef("r", "db@x"), RoleRef.parse("r@db@x"));
    }

    @Test
    void refusesRoleWithoutDatabase() {
        ConsoleException e = assertThrows(ConsoleException.class, () -> RoleRef.parse("readWrite"));
        assertEquals("Role \"readWrite\" is not in the form role@db (for example readWrite@sales).", e.getMessage());
    }

    @Test
    void refusesEmptyHalves() {
        assertThrows(ConsoleException.class, () -> RoleRef.parse("@sales"));
        assertThrows(ConsoleException.class, () -> RoleRef.parse("read@"));
    }

    @Test
    void listIsSortedByDatabaseThenRoleLikeTeleport() {
        List<RoleRef> roles = RoleRef.parseList("readWrite@sales, read@admin,dbAdmin@sales,readAnyDatabase@admin");
        assertEquals(List.of(new RoleRef("read", "admin"), new RoleRef("readAnyDatabase", "admin"),
                new RoleRef("dbAdmin", "sales"), new RoleRef("readWrite", "sales")), roles);
    }

    @Test
    void listRefusesABadEntryAndNamesIt() {
        ConsoleException e = assertThrows(ConsoleException.class, () -> RoleRef.parseList("read@a,oops"));
        assertEquals("Role \"oops\" is not in the form role@db (for example readWrite@sales).", e.getMessage());
    }
}
