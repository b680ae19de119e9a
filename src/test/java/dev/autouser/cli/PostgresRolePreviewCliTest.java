package dev.autouser.cli;

import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code role preview} with a postgresql:// URI prints what the console's Role mapping page shows (one report in core). */
class PostgresRolePreviewCliTest {
    @Test
    void previewPrintsTheUserTheRolesTheVerdictAndTeleportsSql(@TempDir Path dir) throws Exception {
        PostgresTarget target = PostgresTarget.shared();
        target.sql("DO $$BEGIN IF to_regrole('pgc_reader') IS NULL THEN CREATE ROLE pgc_reader; CREATE ROLE pgc_writer; END IF; END$$");
        Path role = dir.resolve("role.yaml");
        Files.writeString(role, "kind: role\nversion: v7\nmetadata:\n  name: pg\nspec:\n  options:\n    create_db_user_mode: keep\n"
                + "  allow:\n    db_labels:\n      '*': '*'\n    db_names: ['*']\n    db_roles: [pgc_writer, '{{internal.db_roles}}']\n"
                + "  deny:\n    db_roles: [pgc_secret]\n");

        CliRun run = CliRun.run("role", "preview", role.toString(), "--user", "pgc-nobody", "--trait", "db_roles=pgc_reader",
                "--uri", target.psqlUri(PostgresTarget.DBA));

        assertEquals(0, run.code(), run.toString());
        assertEquals("PostgreSQL user: pgc-nobody (mode keep)\nRoles: pgc_reader, pgc_writer\n"
                + "Teleport creates pgc-nobody in teleport-auto-user and grants the session's roles.\n"
                + "call pg_temp.teleport_activate_user('pgc-nobody', ARRAY['pgc_reader', 'pgc_writer']::varchar[]);\n"
                + "CREATE USER \"pgc-nobody\" IN ROLE \"teleport-auto-user\";\n"
                + "GRANT \"pgc_reader\" TO \"pgc-nobody\";\nGRANT \"pgc_writer\" TO \"pgc-nobody\";\n", run.out());
    }
}
