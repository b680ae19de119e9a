package dev.autouser.core.postgres.teleport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;

/**
 * One table grant of Teleport's {@code db_permissions} ({@code {"privilege","schema","table"}}).
 * Teleport accepts only table privileges, checked before anything reaches the server.
 */
public record TablePermission(String privilege, String schema, String table) {
    public static final Set<String> TABLE_PRIVILEGES =
            Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");

    public TablePermission {
        if (privilege == null || !TABLE_PRIVILEGES.contains(privilege.trim().toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unrecognized table permission: \"" + privilege + "\"");
        }
        privilege = privilege.trim().toUpperCase(Locale.ROOT);
        if (schema == null || schema.isEmpty() || table == null || table.isEmpty()) {
            throw new IllegalArgumentException("a table permission needs a schema and a table");
        }
    }

    /** The procedure's {@code jsonb} argument. */
    static String toJson(List<TablePermission> tables) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of("tables", tables));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
