package dev.autouser.core.teleport;

import com.fasterxml.jackson.databind.JsonNode;

/** Teleport's {@code spec.options.create_db_user_mode}. */
public enum CreateDbUserMode {
    OFF("off"),
    KEEP("keep"),
    BEST_EFFORT_DROP("best_effort_drop");

    private final String yamlValue;

    CreateDbUserMode(String yamlValue) {
        this.yamlValue = yamlValue;
    }

    public String yamlValue() {
        return yamlValue;
    }

    public boolean provisionsUsers() {
        return this != OFF;
    }

    /**
     * Reads the option as Teleport does: absent, empty, {@code false} or {@code off} mean off;
     * {@code true} is refused because it does not say whether to keep or drop users.
     */
    public static CreateDbUserMode fromYaml(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return OFF;
        }
        if (node.isBoolean()) {
            if (node.booleanValue()) {
                throw new TeleportConfigException("create_db_user_mode: true is not a mode Teleport accepts; use keep or best_effort_drop (or off).");
            }
            return OFF;
        }
        return parse(node.asText());
    }

    public static CreateDbUserMode parse(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return OFF;
        }
        for (CreateDbUserMode mode : values()) {
            if (mode.yamlValue.equals(value)) {
                return mode;
            }
        }
        throw new TeleportConfigException("create_db_user_mode: \"" + value + "\" is not a mode Teleport knows; use off, keep or best_effort_drop.");
    }
}
