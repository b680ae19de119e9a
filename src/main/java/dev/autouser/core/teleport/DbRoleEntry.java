package dev.autouser.core.teleport;

import dev.autouser.core.provisioning.RoleRef;

/**
 * Checks one Teleport {@code db_roles} entry, {@code role@db}, as Teleport reads it: split at the
 * first {@code @} (so {@code a@b@c} is role {@code a} in database {@code b@c}), no trimming. The
 * messages say what is wrong and how to write it, for showing next to the entry.
 */
public final class DbRoleEntry {
    private DbRoleEntry() {
    }

    public static RoleRef parse(String entry) {
        String text = entry == null ? "" : entry;
        if (text.isBlank()) {
            throw new TeleportConfigException("An empty db_roles entry names no role; write role@db, e.g. readWrite@db1.");
        }
        int at = text.indexOf('@');
        if (at < 0) {
            throw new TeleportConfigException("\"" + text + "\" is not role@db: add the database that owns the role, e.g. "
                    + text.trim() + "@admin; Teleport refuses the session otherwise.");
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
        return new RoleRef(role, db);
    }
}
