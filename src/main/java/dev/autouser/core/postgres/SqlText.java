package dev.autouser.core.postgres;

import dev.autouser.core.ConsoleException;

/**
 * Quoting for SQL the console writes out in full (no bind parameters), so that the text a dry run
 * prints is byte for byte the text that runs. Role names are chosen by whoever created them: any
 * character but NUL, quotes and spaces included.
 */
public final class SqlText {
    /** PostgreSQL truncates longer identifiers silently; a longer name cannot be a role. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    private SqlText() {
    }

    /** A quoted identifier, always quoted: {@code "alice"}, {@code "o""brien"}. */
    public static String identifier(String name) {
        checkName(name);
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * A string literal: {@code 'o''brien'}. Correct only with {@code standard_conforming_strings = on}
     * (the default since PostgreSQL 9.1; {@code PostgresGateway} refuses a session where it is off).
     */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new ConsoleException("A name with a NUL character cannot exist in PostgreSQL.");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /** A dollar-quote tag ({@code $au$}, {@code $au1$}, ...) that does not occur in {@code body}. */
    public static String dollarTag(String body) {
        String tag = "$au$";
        for (int i = 1; body.contains(tag); i++) {
            tag = "$au" + i + "$";
        }
        return tag;
    }

    /** A role name a person gave: refused when PostgreSQL could not hold it. */
    public static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new ConsoleException("A PostgreSQL role name cannot be empty.");
        }
        if (name.indexOf('\0') >= 0) {
            throw new ConsoleException("A PostgreSQL role name cannot contain a NUL character.");
        }
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_IDENTIFIER_BYTES) {
            throw new ConsoleException("\"" + name + "\" is " + bytes + " bytes long; PostgreSQL role names have at most "
                    + MAX_IDENTIFIER_BYTES + ", so no such role can exist.");
        }
    }
}
