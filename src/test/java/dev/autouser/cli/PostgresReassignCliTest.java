package dev.autouser.cli;

import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.postgres.PostgresConnector;
import dev.autouser.core.postgres.SqlText;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drop --reassign-owned-to ROLE} where the user owns objects in more than one database: REASSIGN
 * OWNED acts on the connected database only, so the console connects to each other database with the
 * same credentials first, while the role stays locked, and drops it only when every one was reassigned.
 */
class PostgresReassignCliTest {
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);
    private final PostgresTarget target = PostgresTarget.shared();
    private final List<String> roles = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();
    /** Tables made in the shared postgres database, dropped after each test. */
    private final List<String> tablesHere = new ArrayList<>();

    @AfterEach
    void dropSeeds() {
        for (String database : databases) {
            target.sql("DROP DATABASE IF EXISTS " + SqlText.identifier(database) + " WITH (FORCE)");
        }
        for (String table : tablesHere) {
            target.sql("DROP TABLE IF EXISTS " + table);
        }
        target.dropRoles(roles);
    }

    @Test
    void theObjectsOfEveryDatabaseAreReassignedOverAConnectionOfItsOwnThenTheUserIsDropped() throws SQLException {
        String owner = autoUser("owner");
        String other = database("sales");
        ownTable("postgres", owner, "t_here_" + RUN);
        ownTable(other, owner, "t_there");
        sqlIn(other, "CREATE TABLE t_dba (id int)", "GRANT SELECT ON t_dba TO " + SqlText.identifier(owner));

        CliRun dry = CliRun.run("drop", owner, "--dry-run", "--reassign-owned-to", "dba", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("reassigned to dba in each database over a connection of its own (" + other + " first")
                .contains("\\connect " + SqlText.identifier(other) + "\n")
                .contains("REASSIGN OWNED BY " + SqlText.identifier(owner) + " TO \"dba\"; DROP OWNED BY " + SqlText.identifier(owner) + ";")
                .contains("\\connect \"postgres\"\n");
        assertThat(ownerOf("postgres", "t_here_" + RUN)).isEqualTo(owner);

        CliRun drop = CliRun.run("drop", owner, "--yes", "--reassign-owned-to", "dba", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertThat(drop.code()).as(drop.toString()).isZero();
        assertThat(target.roleExists(owner)).isFalse();
        assertThat(ownerOf("postgres", "t_here_" + RUN)).isEqualTo("dba");
        assertThat(ownerOf(other, "t_there")).isEqualTo("dba");
        List<AuditRecord> records = drop.audit();
        AuditRecord there = records.stream().filter(r -> r.server().endsWith("/" + other)).reduce((a, b) -> b).orElseThrow();
        assertThat(there.command()).contains("REASSIGN OWNED BY " + SqlText.identifier(owner));
        assertThat(there.result()).isEqualTo("ok");
        assertThat(records.get(records.size() - 1).command()).contains("DROP ROLE " + SqlText.identifier(owner) + ";");
    }

    @Test
    void aDatabaseTheConsoleCannotConnectToStopsTheDropIsNamedAndTheUserStaysLockedWithItsObjects() throws SQLException {
        String owner = autoUser("stuck");
        String closed = database("closed");
        ownTable("postgres", owner, "t_stuck_" + RUN);
        ownTable(closed, owner, "t_closed");
        target.sql("ALTER DATABASE " + SqlText.identifier(closed) + " ALLOW_CONNECTIONS false");

        CliRun drop = CliRun.run("drop", owner, "--yes", "--reassign-owned-to", "dba", "--uri", target.psqlUri(PostgresTarget.DBA));

        assertThat(drop.code()).as(drop.toString()).isEqualTo(AutoUserCommand.SOME_FAILED);
        assertThat(drop.out()).contains(owner + ": locked, not dropped: it owns objects in database " + closed
                + ", and the console cannot connect there to reassign them (")
                .contains("is not currently accepting connections");
        assertThat(target.roleExists(owner)).isTrue();
        assertThat(target.canLogin(owner)).as("it stays locked").isFalse();
        assertThat(ownerOf("postgres", "t_stuck_" + RUN)).as("nothing reassigned where the console is connected").isEqualTo(owner);
    }


    private String autoUser(String base) {
        String name = "pgre" + RUN + "-" + base;
        roles.add(name);
        target.sql("CREATE ROLE " + SqlText.identifier(name) + " LOGIN IN ROLE \"teleport-auto-user\"");
        return name;
    }

    private String database(String base) {
        String name = "pgre" + RUN + "_" + base;
        databases.add(name);
        target.sql("CREATE DATABASE " + SqlText.identifier(name));
        return name;
    }

    private void ownTable(String database, String owner, String table) throws SQLException {
        sqlIn(database, "CREATE TABLE " + table + " (id int)", "ALTER TABLE " + table + " OWNER TO " + SqlText.identifier(owner));
        if (database.equals("postgres")) {
            tablesHere.add(table);
        }
    }

    private void sqlIn(String database, String... statements) throws SQLException {
        try (Connection c = PostgresConnector.open(target.profileAs(PostgresTarget.DBA), database, null, null).connection();
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private String ownerOf(String database, String table) throws SQLException {
        try (Connection c = PostgresConnector.open(target.profileAs(PostgresTarget.DBA), database, null, null).connection();
             Statement s = c.createStatement();
             var r = s.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = " + SqlText.literal(table))) {
            return r.next() ? r.getString(1) : "(no such table)";
        }
    }



}
