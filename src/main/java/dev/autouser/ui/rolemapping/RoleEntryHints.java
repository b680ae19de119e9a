package dev.autouser.ui.rolemapping;

import dev.autouser.core.engine.Engine;

import java.util.List;

/**
 * How a db_roles entry is written on the connected engine, for the editor's labels and prompts, and
 * the entries a new role starts with.
 */
public record RoleEntryHints(Engine engine, String allowLabel, String entryPrompt, String requestPrompt, String traitsPrompt,
                             List<String> newRoleEntries) {
    public RoleEntryHints {
        newRoleEntries = List.copyOf(newRoleEntries);
    }

    public static final RoleEntryHints MONGODB = new RoleEntryHints(Engine.MONGODB,
            "allow.db_roles (role@db or a template such as {{internal.db_roles}})", "readWrite@db1",
            "readWrite@db1  (like tsh db connect --db-roles)",
            "db_roles=read@db2  (one per line; templates are validated with these too)",
            List.of("readWrite@db1", "{{internal.db_roles}}"));

    /** PostgreSQL role names have no {@code @db}: Teleport grants each entry as one role. */
    public static final RoleEntryHints POSTGRES = new RoleEntryHints(Engine.POSTGRESQL,
            "allow.db_roles (a role name in pg_roles, no @db; or a template such as {{internal.db_roles}})", "reader",
            "reader  (like tsh db connect --db-roles)",
            "db_roles=reader  (one per line; templates are validated with these too)",
            List.of("{{internal.db_roles}}"));
}
