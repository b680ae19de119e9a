package dev.autouser.sandbox.security;

import java.util.Objects;
import java.util.Set;

/**
 * What the sandbox knows about one command: its exact name and historical aliases (mongod looks
 * commands up case-sensitively), whether it needs a login, whether it runs only on {@code admin},
 * which privilege rules apply, which part of the server answers it, and whether it writes (the
 * replica-set rules).
 */
public record CommandSpec(String name, Set<String> aliases, boolean needsLogin, boolean adminOnly,
                          Privileges privileges, Handler handler, Access access) {

    /**
     * Whether the command changes data (documents, collections, users, roles): on a replica set
     * only the primary takes a {@code WRITE} (a secondary answers 10107 NotWritablePrimary), and a
     * write advances the cluster time. Everything else is a {@code READ} here, handshakes included.
     */
    public enum Access { READ, WRITE }

    /** Which of the sandbox's privilege rules decide whether a login may run the command. */
    public enum Privileges {
        /** Runs before or without a login (handshake, authentication itself). */
        NONE,
        /** Any logged-in user: the command only touches the caller's own cursors and sessions. */
        LOGIN_ONLY,
        /** User and role management ({@code UmcRequirements}). */
        USER_ADMIN,
        /** Reads, writes and collection/database commands ({@code DataRequirements}). */
        DATA,
        /** Server-level commands, mostly one action on the cluster ({@code ServerRequirements}). */
        SERVER,
        /** What the explained command needs. */
        EXPLAIN
    }

    /** The part of the sandbox that answers the command. */
    public enum Handler {
        HANDSHAKE, PING, BUILD_INFO, AUTHENTICATE, SASL_START, SASL_CONTINUE, LOGOUT, END_SESSIONS, CURRENT_OP,
        USER_ADMIN, LIBRARY
    }

    public CommandSpec {
        Objects.requireNonNull(name, "name");
        aliases = Set.copyOf(aliases);
        Objects.requireNonNull(privileges, "privileges");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(access, "access");
    }

    public boolean writes() {
        return access == Access.WRITE;
    }

    /** The lower-case key the privilege rules switch on. */
    public String key() {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
