package dev.autouser.core.postgres;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A lost reply is settled by what the change was, never by searching its text: the role's own name is in
 * the statement, so a role named after another statement must not turn a lock into a drop or a revoke
 * into a reassignment. (The settling itself, on the real server: PostgresLostReplyTest.)
 */
class RecordedChangeTest {
    private static final String DB = "postgres";

    @Test
    void aLockOfARoleNamedLikeADropIsSettledAsALock() {
        String role = "x DROP ROLE y";
        String lock = AutoUserSql.disableLogin(DB, role).shellText();

        assertEquals(RecordedChange.DISABLE_LOGIN, RecordedChange.of(lock, role, DB));
        assertEquals("resolved: applied, " + role + " cannot log in (NOLOGIN)",
                PostgresUnknownOutcomes.verdict(lock, role, DB, new PostgresUnknownOutcomes.RoleNow(false, List.of(), List.of())));
    }

    @Test
    void aRevokeOfARoleNamedLikeAReassignmentIsSettledAsARevoke() {
        String role = "a REASSIGN OWNED BY b NOLOGIN;";
        String revoke = AutoUserSql.revokeRoles(DB, role, true).shellText();

        assertEquals(RecordedChange.REVOKE_ROLES, RecordedChange.of(revoke, role, DB));
        assertEquals("resolved: not applied, " + role + " still holds reader", PostgresUnknownOutcomes.verdict(revoke, role, DB,
                new PostgresUnknownOutcomes.RoleNow(false, List.of("reader"), List.of("postgres"))));
    }

    @Test
    void aReassignmentIsRecognisedWhateverTheNamesOfTheRoleAndTheNewOwnerHold() {
        String role = "r\" TO \"s";
        String owner = "o\" TO \"p\"; DROP OWNED BY \"q";
        String elsewhere = AutoUserSql.reassignOwned("sales", role, owner).shellText();
        String here = AutoUserSql.reassignAndDrop(DB, role, owner).shellText();

        assertEquals(RecordedChange.REASSIGN, RecordedChange.of(elsewhere, role, "sales"));
        assertEquals(RecordedChange.DROP, RecordedChange.of(here, role, DB));
        assertEquals("resolved: applied, " + role + " owns nothing in sales", PostgresUnknownOutcomes.verdict(elsewhere, role,
                "sales", new PostgresUnknownOutcomes.RoleNow(false, List.of(), List.of("postgres"))));
    }

    @Test
    void anotherRolesStatementOrTeleportsActivateIsNoneOfTheConsolesChanges() {
        assertEquals(RecordedChange.OTHER, RecordedChange.of(AutoUserSql.dropRole(DB, "bob").shellText(), "alice", DB));
        assertEquals(RecordedChange.OTHER, RecordedChange.of("CALL pg_temp.teleport_activate_user('alice', ARRAY['r']);",
                "alice", DB));
        assertEquals(RecordedChange.DROP, RecordedChange.of(RecordedChange.teleportDeleteCall("alice"), "alice", DB));
    }
}
