package dev.autouser.core.teleport;

import dev.autouser.core.provisioning.RoleRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: least privilege offered grantRole on db1 only while auto-users held roles on db2 and reporting. */
class LeastPrivilegeDatabasesTest {
    @Test
    void databasesComeFromTheMappingAndFromTheRolesAutoUsersHold() {
        LeastPrivilegeDatabases derived = LeastPrivilegeDatabases.derive(List.of("readWrite@db1", "readAnyDatabase@admin"), Map.of(),
                List.of(RoleRef.parse("read@db2"), RoleRef.parse("read@reporting"), RoleRef.parse("read@db1")));

        assertTrue(derived.computable());
        assertEquals(List.of("admin", "db1", "db2", "reporting"), derived.databases());
    }

    @Test
    void aTraitTemplateCanNameAnyDatabaseSoLeastPrivilegeCannotBeComputed() {
        LeastPrivilegeDatabases derived = LeastPrivilegeDatabases.derive(List.of("readWrite@db1", "{{internal.db_roles}}",
                "{{external.team}}@db3"), Map.of("db_roles", List.of("read@db4")), List.of());

        assertFalse(derived.computable());
        assertEquals(List.of("{{internal.db_roles}}", "{{external.team}}@db3"), derived.openTemplates());
        assertEquals(List.of("db1", "db4"), derived.databases(), "sample traits are expanded, but cannot be all a user holds");
        assertTrue(derived.advice().startsWith("Least privilege cannot be computed"), derived.advice());
        assertTrue(derived.advice().endsWith("so grant grantRole on all databases."), derived.advice());
    }
}
