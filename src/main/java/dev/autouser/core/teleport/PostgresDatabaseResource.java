package dev.autouser.core.teleport;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * A Teleport database enrolment for PostgreSQL with automatic user provisioning: {@code protocol:
 * postgres}, {@code uri: host:port}, {@code admin_user.name} and, when given,
 * {@code admin_user.default_database} (the database the admin logs into; Teleport uses the session's
 * database when it is absent).
 */
public record PostgresDatabaseResource(String name, String uri, String adminUser, Optional<String> defaultDatabase) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public PostgresDatabaseResource {
        if (name == null || name.isBlank() || uri == null || uri.isBlank() || adminUser == null || adminUser.isBlank()) {
            throw new TeleportConfigException("A PostgreSQL db resource needs a name, host:port and admin_user.name.");
        }
    }

    /** {@code tctl create -f} input ({@code kind: db}, {@code version: v3}). */
    public String toDynamicYaml() {
        return TeleportYaml.dynamicDatabase(name, spec(false));
    }

    /** The {@code db_service} section of {@code teleport.yaml}. */
    public String toStaticYaml() {
        return TeleportYaml.staticDatabase(spec(true));
    }

    private ObjectNode spec(boolean withName) {
        ObjectNode spec = NODES.objectNode();
        if (withName) {
            spec.put("name", name);
        }
        spec.put("protocol", "postgres");
        spec.put("uri", uri);
        ObjectNode admin = spec.putObject("admin_user");
        admin.put("name", adminUser);
        defaultDatabase.ifPresent(db -> admin.put("default_database", db));
        return spec;
    }
}
