package dev.autouser.core.teleport;

import java.util.Comparator;

/**
 * One MongoDB role named by a Teleport {@code db_roles} entry, {@code role@db}. Teleport splits at
 * the first {@code @}, so {@code a@b@c} is role {@code a} in database {@code b@c}.
 */
public record DbRole(String role, String db) implements Comparable<DbRole> {
    /** Teleport's order: by database, then by role. */
    public static final Comparator<DbRole> TELEPORT_ORDER = Comparator.comparing(DbRole::db).thenComparing(DbRole::role);

    public DbRole {
        if (role == null || role.isEmpty() || db == null || db.isEmpty()) {
            throw new TeleportConfigException("A database role needs both a role name and a database.");
        }
    }

    /** Parses {@code role@db}; the message says what is wrong and how to write it. */
    public static DbRole parse(String entry) {
        String text = entry == null ? "" : entry;
        if (text.isBlank()) {
            throw new TeleportConfigException("An empty db_roles entry names no role; write role@db, e.g. readWrite@db1.");
        }
        int at = text.indexOf('@');
        if (at < 0) {
            throw new TeleportConfigException("\"" + text + "\" is not role@db: add the database that owns the role, e.g. " + text.trim() + "@admin; Teleport refuses the session otherwise.");
        }
        String role = text.substring(0, at);
        String db = text.substring(at + 1);
        if (role.isEmpty()) {
            throw new TeleportConfigException("\"" + text + "\" has no role name before the @; write role@db, e.g. read@" + db + ".");
        }
        if (db.isEmpty()) {
            throw new TeleportConfigException("\"" + text + "\" has no database after the @; write role@db, e.g. " + role + "@admin.");
        }
        if (!role.equals(role.strip()) || !db.equals(db.strip())) {
            throw new TeleportConfigException("\"" + text + "\" has spaces around the role or database; MongoDB would look for a role with those spaces in its name.");
        }
        return new DbRole(role, db);
    }

    @Override
    public int compareTo(DbRole other) {
        return TELEPORT_ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return role + "@" + db;
    }
}
