package dev.autouser.core.postgres.admin;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Teleport's PostgreSQL admin setup checked and applied on a real PostgreSQL (the shared embedded
 * 17.6 of {@link PostgresTarget}, whose pg_hba.conf admits dba and teleport-admin with certificates
 * from 127.0.0.1 and trusts every other role): roles, ADMIN OPTION and pg_hba.conf as the server has them.
 */
class PostgresAdminSetupContractTest {
    private static PostgresTarget target;
    private static PostgresGateway asDba;
    private static int next;

    @BeforeAll
    static void connect() {
        target = PostgresTarget.shared();
        assumeTrue(target.isEmbedded(), "pg_hba.conf expectations are the embedded server's");
        asDba = PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null);
    }

    @AfterAll
    static void close() {
        if (asDba != null) {
            asDba.close();
        }
    }

    private static String newAdmin() {
        return "tp-setup-admin-" + (++next);
    }

    @Test
    void theTestServersTeleportAdminMatches() {
        PostgresAdminSetup.Check check = new PostgresAdminSetup(asDba, PostgresTarget.TELEPORT_ADMIN, "postgres").check();

        assertTrue(check.matches(), check.problems().toString());
        assertTrue(check.plan().isEmpty());
        assertTrue(check.notes().contains("teleport-admin holds teleport-auto-user WITH ADMIN OPTION"), check.notes().toString());
        assertTrue(check.notes().contains("ssl is on"));
        assertTrue(check.notes().stream().anyMatch(n -> n.matches("pg_hba\\.conf line \\d+ \\(hostssl all"
                + " dba,teleport-admin,limited-admin 127\\.0\\.0\\.1/32 cert\\) admits teleport-admin with its certificate"
                + " from 127\\.0\\.0\\.1/32")), check.notes().toString());
        assertTrue(check.notes().stream().anyMatch(n -> n.matches("pg_hba\\.conf line \\d+ \\(host all"
                + " dba,teleport-admin,limited-admin all reject\\) decides for teleport-admin from every other address with"
                + " reject: .*")), check.notes().toString());
    }

    @Test
    void aMissingAdminIsCreatedAndTheTrustLineThatWouldDecideForItIsReported(@TempDir Path home) throws Exception {
        String admin = newAdmin();
        PostgresAdminSetup setup = new PostgresAdminSetup(asDba, admin, "postgres");

        PostgresAdminSetup.Check before = setup.check();
        // On 16+ a new admin also needs the group WITH ADMIN OPTION.
        assertEquals("CREATE USER \"" + admin + "\" LOGIN CREATEROLE;\nGRANT \"teleport-auto-user\" TO \"" + admin
                + "\" WITH ADMIN OPTION;\n", before.script());
        assertTrue(before.problems().contains("the role " + admin + " does not exist: Teleport cannot log in to create users"));

        List<String> shown = new ArrayList<>();
        AuditLog audit = new AuditLog(home.resolve("audit.jsonl"));
        PostgresAdminSetup.Check after = setup.apply(new AuditTrail(audit, asDba.server(), asDba.identity()), shown::add);

        assertEquals(List.of("CREATE USER \"" + admin + "\" LOGIN CREATEROLE;",
                "GRANT \"teleport-auto-user\" TO \"" + admin + "\" WITH ADMIN OPTION;"), shown);
        assertTrue(roleIs(admin, "rolcanlogin AND rolcreaterole"));
        assertTrue(after.plan().isEmpty(), after.script());
        assertTrue(after.problems().stream().anyMatch(p -> p.matches("pg_hba\\.conf line \\d+ \\(host all all all trust\\)"
                + " decides for " + admin + " from any address with trust: .*")), after.problems().toString());
        assertTrue(Files.readString(home.resolve("audit.jsonl")).contains("CREATE USER \\\"" + admin + "\\\" LOGIN CREATEROLE"));
    }

    @Test
    void onPostgres16AnAdminWithoutAdminOptionOnTheGroupGetsIt(@TempDir Path home) throws Exception {
        String admin = newAdmin();
        target.sql("CREATE ROLE \"" + admin + "\" LOGIN CREATEROLE");
        PostgresAdminSetup setup = new PostgresAdminSetup(asDba, admin, "postgres");

        PostgresAdminSetup.Check before = setup.check();
        assertEquals("GRANT \"teleport-auto-user\" TO \"" + admin + "\" WITH ADMIN OPTION;\n", before.script());

        setup.apply(new AuditTrail(new AuditLog(home.resolve("audit.jsonl")), asDba.server(), asDba.identity()), s -> { });

        try (Connection su = target.admin(); Statement sql = su.createStatement();
             ResultSet row = sql.executeQuery("SELECT m.admin_option FROM pg_auth_members m WHERE m.roleid ="
                     + " 'teleport-auto-user'::regrole AND m.member = '" + admin + "'::regrole")) {
            assertTrue(row.next() && row.getBoolean(1));
        }
        assertTrue(setup.check().notes().contains(admin + " holds teleport-auto-user WITH ADMIN OPTION"));
    }

    @Test
    void anAdminWithoutCreateRoleIsAlteredNotRecreated() {
        String admin = newAdmin();
        target.sql("CREATE ROLE \"" + admin + "\" LOGIN");

        PostgresAdminSetup.Check check = new PostgresAdminSetup(asDba, admin, "postgres").check();

        assertTrue(check.problems().contains(admin + " lacks CREATEROLE: Teleport cannot create, alter or drop users"));
        assertTrue(check.script().startsWith("ALTER ROLE \"" + admin + "\" CREATEROLE;\n"), check.script());
    }

    @Test
    void aLoginThatMayNotReadPgHbaSaysItCannotCheck() {
        try (PostgresGateway asAdmin = PostgresGateway.connect(target.profileAs(PostgresTarget.TELEPORT_ADMIN), null, null)) {
            PostgresAdminSetup.Check check = new PostgresAdminSetup(asAdmin, PostgresTarget.TELEPORT_ADMIN, "postgres").check();

            assertTrue(check.notes().contains("cannot check pg_hba.conf: reading pg_hba_file_rules needs a superuser (or a"
                    + " grant on it); check by hand that a hostssl ... cert line matches teleport-admin"), check.notes().toString());
            assertFalse(check.notes().stream().anyMatch(n -> n.startsWith("pg_hba.conf line")));
        }
    }

    private static boolean roleIs(String role, String condition) throws Exception {
        try (Connection su = target.admin(); Statement sql = su.createStatement();
             ResultSet row = sql.executeQuery("SELECT " + condition + " FROM pg_roles WHERE rolname = '" + role + "'")) {
            return row.next() && row.getBoolean(1);
        }
    }
}
