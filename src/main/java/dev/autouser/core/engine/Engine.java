package dev.autouser.core.engine;

import java.util.Locale;

/** The database engines whose Teleport auto-users the console manages, and how each is named to a person. */
public enum Engine {
    MONGODB("MongoDB", "mongosh"),
    POSTGRESQL("PostgreSQL", "psql");

    private final String displayName;
    private final String shell;

    Engine(String displayName, String shell) {
        this.displayName = displayName;
        this.shell = shell;
    }

    public String displayName() {
        return displayName;
    }

    /** The engine's own shell, in which {@code ServerCommand.shellText()} can be pasted. */
    public String shell() {
        return shell;
    }

    /**
     * The engine a connection string names: {@code postgresql://} or {@code postgres://} (libpq's two
     * schemes) is PostgreSQL; anything else is left to the MongoDB driver, which explains its own errors.
     */
    public static Engine ofUri(String uri) {
        String lower = uri == null ? "" : uri.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://") ? POSTGRESQL : MONGODB;
    }
}
