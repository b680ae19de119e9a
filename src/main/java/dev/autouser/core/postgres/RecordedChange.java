package dev.autouser.core.postgres;

import java.util.Optional;

/**
 * Which of the console's own changes an audited PostgreSQL statement was, for the role it targeted:
 * the statement is rebuilt for that role ({@link AutoUserSql}, Teleport's calls) and compared whole, so
 * the role's name, which appears inside the statement, can never make one change look like another
 * (a role called {@code x DROP ROLE y} whose lock lost its reply is still a lock). A statement that is
 * none of them, byte for byte, is {@link #OTHER}.
 */
public enum RecordedChange {
    /** Step 1 of a lock: {@code NOLOGIN}. */
    DISABLE_LOGIN,
    /** Step 2 of a lock: every direct role revoked. */
    REVOKE_ROLES,
    /** The lock undone: {@code LOGIN} back. */
    ENABLE_LOGIN,
    /** The role dropped (alone, after a reassignment in the same transaction, or by Teleport's delete procedure). */
    DROP,
    /** Its objects reassigned in one other database; the role stays. */
    REASSIGN,
    /** Anything else (Teleport's activate or deactivate, an older wording). */
    OTHER;

    /** {@code command} as the audit holds it (a {@link SqlCommand#shellText()}), for {@code role}. */
    public static RecordedChange of(String command, String role, String database) {
        if (!couldBeARole(role)) {
            return OTHER;
        }
        if (is(command, AutoUserSql.disableLogin(database, role))) {
            return DISABLE_LOGIN;
        }
        if (is(command, AutoUserSql.revokeRoles(database, role, true)) || is(command, AutoUserSql.revokeRoles(database, role, false))) {
            return REVOKE_ROLES;
        }
        if (is(command, AutoUserSql.enableLogin(database, role))) {
            return ENABLE_LOGIN;
        }
        if (is(command, AutoUserSql.dropRole(database, role)) || command.equals(teleportDeleteCall(role))) {
            return DROP;
        }
        for (String owner : newOwnerCandidates(command)) {
            if (is(command, AutoUserSql.reassignAndDrop(database, role, owner))) {
                return DROP;
            }
            if (is(command, AutoUserSql.reassignOwned(database, role, owner))) {
                return REASSIGN;
            }
        }
        return OTHER;
    }

    /** The call Teleport's agent sends at session end in {@code best_effort_drop} mode, as psql takes it. */
    public static String teleportDeleteCall(String role) {
        return "CALL pg_temp.teleport_delete_user(" + SqlText.literal(role) + ");";
    }

    private static boolean is(String command, SqlCommand rebuilt) {
        return command.equals(rebuilt.shellText());
    }

    /**
     * Every quoted identifier that follows {@code " TO "} in the statement: one of them is the new owner of a
     * reassignment. Only candidates (a name may itself contain that text): the caller rebuilds the whole
     * statement with each and compares.
     */
    private static java.util.List<String> newOwnerCandidates(String command) {
        java.util.List<String> candidates = new java.util.ArrayList<>();
        for (int at = command.indexOf("\" TO \""); at >= 0; at = command.indexOf("\" TO \"", at + 1)) {
            identifierFrom(command, at + 6).filter(RecordedChange::couldBeARole).ifPresent(candidates::add);
        }
        return candidates;
    }

    private static boolean couldBeARole(String name) {
        try {
            SqlText.checkName(name);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The identifier whose text starts at {@code from} (after its opening quote), quotes doubled inside. */
    private static Optional<String> identifierFrom(String command, int from) {
        StringBuilder name = new StringBuilder();
        for (int i = from; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '"') {
                if (i + 1 < command.length() && command.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                    continue;
                }
                return Optional.of(name.toString());
            }
            name.append(c);
        }
        return Optional.empty();
    }
}
