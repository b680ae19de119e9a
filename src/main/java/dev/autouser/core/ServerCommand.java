package dev.autouser.core;

import java.util.List;

/**
 * One command the console sends to a database server, whatever the engine: where it runs, why (the
 * person's intent, e.g. "lock CN=alice"), what the sender must be allowed, and the command as a
 * person would type it in the engine's own shell. Dry runs, the audit log, the command log and
 * "Copy as ..." all use {@link #shellText()}, so what they show is what runs. {@code MongoCommand}
 * is MongoDB's; an SQL command for PostgreSQL implements the same (shell text for psql).
 */
public interface ServerCommand {
    /** The database the command runs in ({@code $external}, {@code admin}, a PostgreSQL database). */
    String database();

    /** Short name for logs: {@code updateUser}, {@code ALTER ROLE}. */
    String name();

    /** What the person asked for, as a verb phrase: "lock CN=alice". */
    String intent();

    /** What the sender must be allowed; empty when the server decides alone (e.g. {@code ping}). */
    List<? extends RequiredPrivilege> requiredPrivileges();

    /** The command as one line of the engine's shell (mongosh, psql), every value escaped. */
    String shellText();

    /** A right on a server resource, engine-neutral for messages ("dropUser on $external"). */
    interface RequiredPrivilege {
        String describe();
    }
}
