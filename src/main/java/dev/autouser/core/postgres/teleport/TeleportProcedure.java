package dev.autouser.core.postgres.teleport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One of the procedures Teleport's database agent creates in {@code pg_temp} on the admin's
 * connection before calling it (so it exists only for that connection): its CREATE text and the
 * CALL Teleport sends ({@code call pg_temp.<name>($1, ...)}).
 */
public enum TeleportProcedure {
    ACTIVATE("teleport_activate_user", "activate-user.sql", "(?, ?)"),
    DEACTIVATE("teleport_deactivate_user", "deactivate-user.sql", "(?)"),
    DELETE("teleport_delete_user", "delete-user.sql", "(?)"),
    REMOVE_PERMISSIONS("teleport_remove_permissions", "remove-permissions.sql", "(?)"),
    UPDATE_PERMISSIONS("teleport_update_permissions", "update-permissions.sql", "(?, ?::jsonb)");

    private final String procedureName;
    private final String resource;
    private final String parameters;
    private volatile String createText;

    TeleportProcedure(String procedureName, String resource, String parameters) {
        this.procedureName = procedureName;
        this.resource = resource;
        this.parameters = parameters;
    }

    public String procedureName() {
        return procedureName;
    }

    /** {@code CREATE OR REPLACE PROCEDURE pg_temp.<name> ...}, as the agent runs it. */
    public String createText() {
        String text = createText;
        if (text == null) {
            try (InputStream in = TeleportProcedure.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + resource);
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            createText = text;
        }
        return text;
    }

    /** The JDBC form of Teleport's call statement, with {@code ?} for its {@code $n} parameters. */
    public String callText() {
        return "call pg_temp." + procedureName + parameters;
    }
}
