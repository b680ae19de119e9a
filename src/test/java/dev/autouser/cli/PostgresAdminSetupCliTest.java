package dev.autouser.cli;

import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code admin-setup} with a postgresql:// URI, against the real embedded PostgreSQL. */
class PostgresAdminSetupCliTest {
    private final PostgresTarget target = PostgresTarget.shared();

    private String[] as(String role, String... args) {
        String[] base = {"--uri", target.uri(), "--tls-ca", target.caFile().toString(), "--tls-cert",
                target.certFile(role).toString(), "--tls-key", target.keyFile(role).toString()};
        String[] all = new String[args.length + base.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(base, 0, all, args.length, base.length);
        return all;
    }

    @Test
    void verifyPassesForTheTestServersTeleportAdmin() {
        CliRun run = CliRun.run(as(PostgresTarget.DBA, "admin-setup", "--verify"));

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("note: teleport-admin holds teleport-auto-user WITH ADMIN OPTION"), run.toString());
        assertTrue(run.out().contains("The setup matches what Teleport needs."), run.toString());
    }

    @Test
    void aLoginThatMayNotReadPgHbaDoesNotSayTheSetupMatches() {
        CliRun run = CliRun.run(as(PostgresTarget.TELEPORT_ADMIN, "admin-setup", "--verify"));

        assertTrue(run.out().contains("note: cannot check pg_hba.conf: reading pg_hba_file_rules needs a superuser"), run.toString());
        assertTrue(run.out().contains("No problems found, but pg_hba.conf was not checked: this login may not read its rules."),
                run.toString());
    }

    @Test
    void aMissingAdminFailsVerifyAndPrintScriptShowsTheSql() {
        CliRun verify = CliRun.run(as(PostgresTarget.DBA, "admin-setup", "--verify", "--admin-user", "tp-cli-nobody"));
        assertEquals(1, verify.code(), verify.toString());
        assertTrue(verify.out().contains("problem: the role tp-cli-nobody does not exist"), verify.toString());

        CliRun script = CliRun.run(as(PostgresTarget.DBA, "admin-setup", "--print-script", "--admin-user", "tp-cli-nobody"));
        assertTrue(script.out().endsWith("CREATE USER \"tp-cli-nobody\" LOGIN CREATEROLE;\n"
                + "GRANT \"teleport-auto-user\" TO \"tp-cli-nobody\" WITH ADMIN OPTION;\n"), script.toString());
    }

    @Test
    void teleportYamlNamesProtocolPostgresAndTheAdminsDefaultDatabase() {
        CliRun run = CliRun.run(as(PostgresTarget.DBA, "admin-setup", "--teleport-yaml", "--db-name", "pg-main",
                "--default-database", "postgres"));

        assertEquals(0, run.code(), run.toString());
        assertEquals("""
                kind: db
                version: v3
                metadata:
                  name: pg-main
                spec:
                  protocol: postgres
                  uri: localhost:%d
                  admin_user:
                    name: teleport-admin
                    default_database: postgres
                """.formatted(target.port()), run.out());
    }

    @Test
    void mongoOnlyOptionsAreRefusedForPostgres() {
        CliRun run = CliRun.run(as(PostgresTarget.DBA, "admin-setup", "--verify", "--with-view-role"));

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("are MongoDB's"), run.toString());
    }
}
