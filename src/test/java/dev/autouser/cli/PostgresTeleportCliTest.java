package dev.autouser.cli;

import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.postgres.SqlText;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code activate}, {@code deactivate} and {@code role simulate} with a postgresql:// URI: Teleport's own
 * procedures on the real embedded PostgreSQL, with Teleport's sentences, audited.
 */
class PostgresTeleportCliTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);
    private static final String READER = "pgtc_reader";
    private static final String WRITER = "pgtc_writer";
    private final PostgresTarget target = PostgresTarget.shared();
    private final List<String> created = new ArrayList<>();

    @BeforeAll
    static void roles() {
        for (String role : List.of(READER, WRITER)) {
            // Teleport's admin grants them: on PostgreSQL 16+ it must hold them WITH ADMIN OPTION
            PostgresTarget.shared().sql("DO $$BEGIN IF to_regrole('" + role + "') IS NULL THEN CREATE ROLE " + role
                    + "; END IF; END$$", "GRANT " + role + " TO \"teleport-admin\" WITH ADMIN OPTION");
        }
    }

    @AfterEach
    void dropSeeds() {
        target.dropRoles(created);
    }

    @Test
    void activateCreatesAndReactivatesDeactivateLocksAsTeleportsProceduresDoAndEachCallIsAudited() {
        String user = name("alice");
        CliRun activated = CliRun.run("activate", user, "--roles", READER, "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN));
        assertEquals(0, activated.code(), activated.toString());
        assertEquals(user + ": created with roles " + READER + ".", activated.out().strip());
        assertEquals(List.of(READER), rolesOf(user));
        assertTrue(target.canLogin(user));

        CliRun deactivated = CliRun.run("deactivate", user, "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN));
        assertEquals(0, deactivated.code(), deactivated.toString());
        assertEquals(user + ": deactivated (roles removed, locked).", deactivated.out().strip());
        assertFalse(target.canLogin(user));
        assertEquals(List.of(), rolesOf(user));

        CliRun again = CliRun.run("activate", user, "--roles", WRITER + "," + READER, "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN));
        assertEquals(0, again.code(), again.toString());
        assertEquals(user + ": activated with roles " + WRITER + ", " + READER + ".", again.out().strip());
        assertEquals(List.of(READER, WRITER), rolesOf(user));
        assertTrue(target.canLogin(user));

        List<AuditRecord> records = activated.audit();
        assertEquals(2, records.size(), records.toString());
        assertEquals("CALL pg_temp.teleport_activate_user(" + SqlText.literal(user) + ", ARRAY['" + READER + "']::varchar[]);",
                records.get(0).command());
        assertEquals("ok: created", records.get(1).result());
        assertEquals("ok: deactivated (roles removed, locked)", deactivated.audit().get(1).result());
    }

    @Test
    void whileConnectedOtherRolesAreRefusedWithTeleportsTp002SentenceAndDeactivateLeavesTheUser() throws Exception {
        String user = name("bob");
        assertEquals(0, CliRun.run("activate", user, "--roles", READER, "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN)).code());
        try (Connection session = target.sessionAs(user, "postgres", "psql")) {
            CliRun same = CliRun.run("activate", user, "--roles", READER, "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN));
            assertEquals(user + ": already active with the same roles: nothing to do with roles " + READER + ".",
                    same.out().strip(), same.toString());

            CliRun changed = CliRun.run("activate", user, "--roles", WRITER, "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN));
            assertEquals(1, changed.code(), changed.toString());
            String sentence = "Teleport refuses the session (TP002): roles for user \"" + user
                    + "\" has changed. Please quit all active connections and try again.";
            assertEquals("error: " + sentence, changed.err().strip());
            assertEquals(List.of(READER), rolesOf(user), "nothing changed");
            AuditRecord outcome = changed.audit().get(1);
            assertEquals("refused: " + sentence, outcome.result());
            assertEquals(AuditRecord.Phase.OUTCOME, outcome.phase());

            CliRun skipped = CliRun.run("deactivate", user, "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN));
            assertEquals(1, skipped.code(), skipped.toString());
            assertEquals(user + ": has active connections: skipped.", skipped.out().strip());
            assertTrue(target.canLogin(user));
            assertFalse(session.isClosed());
        }
    }

    @Test
    void aRoleOutsideTheGroupIsNotManagedByTeleportForActivateAndNeverTouchedByDeactivate() {
        String human = name("human");
        target.sql("CREATE ROLE " + SqlText.identifier(human) + " LOGIN");
        CliRun activate = CliRun.run("activate", human, "--roles", READER, "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(1, activate.code(), activate.toString());
        assertEquals("error: Teleport refuses the session: user \"" + human
                + "\" already exists in this PostgreSQL database and is not managed by Teleport", activate.err().strip());

        CliRun deactivate = CliRun.run("deactivate", human, "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(1, deactivate.code(), deactivate.toString());
        assertTrue(deactivate.err().contains("Cannot deactivate " + human + ": not managed by Teleport"), deactivate.toString());
        assertEquals("refused: not managed by Teleport (not a plain member of teleport-auto-user): the console never changes it",
                deactivate.audit().get(0).result());
        assertTrue(target.canLogin(human));
        assertEquals(List.of(), rolesOf(human));
    }

    @Test
    void simulateShowsTeleportsCallsOnADryRunThenRunsThemAsTeleportsAdmin() {
        String user = name("sim");
        Path keep = role("keep");
        CliRun dry = CliRun.run("role", "simulate", keep.toString(), "--user", user, "--dry-run", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("Runs as dba."), dry.toString());
        assertTrue(dry.out().contains("CREATE USER " + SqlText.identifier(user) + " IN ROLE \"teleport-auto-user\";"), dry.toString());
        assertTrue(dry.out().contains("CALL pg_temp.teleport_deactivate_user(" + SqlText.literal(user) + ");"), dry.toString());
        assertTrue(dry.out().contains("Dry run: nothing was changed."), dry.toString());
        assertFalse(target.roleExists(user));

        // as Teleport's admin by its own certificate, while connected as the DBA
        CliRun run = CliRun.run("role", "simulate", keep.toString(), "--user", user, "--uri", target.psqlUri(PostgresTarget.DBA),
                "--as-admin", target.combinedFile(PostgresTarget.TELEPORT_ADMIN).toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("Runs as teleport-admin."), run.toString());
        assertTrue(run.out().contains("session start (activate): created"), run.toString());
        assertTrue(run.out().contains("session end (deactivate, keep mode): deactivated (roles removed, locked)"), run.toString());
        assertTrue(run.out().contains("Simulation finished as Teleport's admin teleport-admin: Teleport can run this session"
                + " end to end."), run.toString());
        assertFalse(target.canLogin(user));
        List<AuditRecord> records = run.audit();
        assertEquals(List.of(AuditRecord.Phase.INTENT, AuditRecord.Phase.OUTCOME, AuditRecord.Phase.INTENT,
                AuditRecord.Phase.OUTCOME), records.stream().map(AuditRecord::phase).toList(), records.toString());
        records.forEach(r -> {
            assertEquals("teleport-admin", r.identity());
            assertTrue(r.run().has(dev.autouser.core.audit.Mark.SIMULATION), r.toString());
        });

        CliRun refused = CliRun.run("role", "simulate", keep.toString(), "--user", user, "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.out().contains("Simulation not run: " + user + " already exists"), refused.toString());

        // best_effort_drop of a role that owns a table: Teleport's TP004, locked instead of dropped
        target.sql("CREATE TABLE " + SqlText.identifier(user + "_t") + " (id int)",
                "ALTER TABLE " + SqlText.identifier(user + "_t") + " OWNER TO " + SqlText.identifier(user));
        CliRun owner = CliRun.run("role", "simulate", role("best_effort_drop").toString(), "--user", user, "--existing-user", user,
                "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN));
        assertEquals(0, owner.code(), owner.toString());
        assertTrue(owner.out().contains("session end (delete, best_effort_drop mode): owns objects, so it was deactivated"
                + " instead of dropped"), owner.toString());
        assertTrue(target.roleExists(user));
        target.sql("DROP TABLE " + SqlText.identifier(user + "_t"));
        CliRun dropped = CliRun.run("role", "simulate", role("best_effort_drop").toString(), "--user", user, "--existing-user", user,
                "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN));
        assertTrue(dropped.out().contains("session end (delete, best_effort_drop mode): dropped"), dropped.toString());
        assertFalse(target.roleExists(user));
    }

    @Test
    void roleValidateChecksPgRolesAndPreviewShowsWhatTeleportsProcedureWouldRunChangingNothing() {
        String user = name("preview");
        CliRun valid = CliRun.run("role", "validate", role("keep").toString(), "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(0, valid.code(), valid.toString());
        assertTrue(valid.out().contains("Role pg-auto is valid for localhost:" + target.port() + "/postgres (roles checked"
                + " against pg_roles)."), valid.toString());
        Path template = CliRun.file("kind: role\nversion: v7\nmetadata:\n  name: pg-tpl\nspec:\n  options:\n    create_db_user_mode:"
                + " keep\n  allow:\n    db_labels:\n      '*': '*'\n    db_names: ['*']\n    db_roles: ['" + READER
                + "', '{{internal.db_roles}}']\n");
        CliRun unfilled = CliRun.run("role", "validate", template.toString(), "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(0, unfilled.code(), unfilled.toString());
        assertTrue(unfilled.out().contains("Role pg-tpl is not fully checked: 1 trait template(s) need sample traits (--trait)"),
                unfilled.toString());
        CliRun filled = CliRun.run("role", "validate", template.toString(), "--trait", "db_roles=" + READER, "--uri",
                target.psqlUri(PostgresTarget.DBA));
        assertTrue(filled.out().contains("Role pg-tpl is valid for localhost:" + target.port()), filled.toString());
        Path missing = CliRun.file("kind: role\nversion: v7\nmetadata:\n  name: pg-bad\nspec:\n  options:\n    create_db_user_mode: keep"
                + "\n  allow:\n    db_labels:\n      '*': '*'\n    db_names: ['*']\n    db_roles: ['pgtc_absent', 'reader@db1']\n");
        CliRun invalid = CliRun.run("role", "validate", missing.toString(), "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(1, invalid.code(), invalid.toString());
        assertTrue(invalid.out().contains("no such role in pg_roles: Teleport's GRANT would fail and so would the session"),
                invalid.toString());
        assertTrue(invalid.out().contains("PostgreSQL role names have no @db (that is MongoDB's form)"), invalid.toString());

        CliRun preview = CliRun.run("role", "preview", role("keep").toString(), "--user", user, "--uri",
                target.psqlUri(PostgresTarget.DBA));
        assertEquals(0, preview.code(), preview.toString());
        assertTrue(preview.out().contains("PostgreSQL user: " + user + " (mode keep)"), preview.toString());
        assertTrue(preview.out().contains("Roles: " + READER), preview.toString());
        assertTrue(preview.out().contains("Teleport creates " + user + " in teleport-auto-user and grants the session's roles."),
                preview.toString());
        assertTrue(preview.out().contains("GRANT \"" + READER + "\" TO " + SqlText.identifier(user) + ";"), preview.toString());
        assertFalse(target.roleExists(user), "a preview changes nothing");
    }

    private Path role(String mode) {
        return CliRun.file("kind: role\nversion: v7\nmetadata:\n  name: pg-auto\nspec:\n  options:\n    create_db_user_mode: "
                + mode + "\n  allow:\n    db_labels:\n      '*': '*'\n    db_names: ['*']\n    db_roles: ['" + READER + "']\n");
    }


    private String name(String base) {
        String name = "pgtc" + RUN + "-" + base + "-" + COUNTER.incrementAndGet();
        created.add(name);
        return name;
    }

    private List<String> rolesOf(String role) {
        try (var c = target.admin(); var s = c.createStatement(); var r = s.executeQuery("SELECT g.rolname FROM pg_auth_members m"
                + " JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = "
                + SqlText.literal(role) + " AND g.rolname <> 'teleport-auto-user' ORDER BY 1")) {
            List<String> roles = new ArrayList<>();
            while (r.next()) {
                roles.add(r.getString(1));
            }
            return roles;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }



}
