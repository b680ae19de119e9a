package dev.autouser.cli;

import dev.autouser.core.postgres.SqlText;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI with a postgresql:// URI, against the real embedded PostgreSQL. */
class PostgresCliTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);
    private final PostgresTarget target = PostgresTarget.shared();
    private final List<String> created = new ArrayList<>();

    @AfterEach
    void dropSeeds() {
        target.dropRoles(created);
    }

    @Test
    void listTakesTheUriPsqlTakesWithItsPemFilesAndShowsTheRolesInOneRoundTrip() {
        String user = autoUser("listed", true);
        CliRun run = CliRun.run("list", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().startsWith("POSTGRESQL ROLE"), run.toString());
        assertTrue(run.out().contains(user), run.toString());
        assertTrue(run.out().contains("; 1 round trips."), run.toString());

        CliRun json = CliRun.run("list", "--json", "--state", "not-cleaned-up", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertTrue(json.out().contains("\"" + user + "\""), json.toString());
        com.fasterxml.jackson.databind.JsonNode row = null;
        try {
            for (com.fasterxml.jackson.databind.JsonNode each : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out())) {
                row = each.path("user").asText().equals(user) ? each : row;
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(json.toString(), e);
        }
        assertTrue(row != null, json.toString());
        assertEquals("postgresql", row.path("engine").asText(), json.toString());
        assertTrue(row.path("mongoUser").isMissingNode(), "a PostgreSQL row has no mongoUser: " + json);
        CliRun csv = CliRun.run("list", "--csv", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertTrue(csv.out().startsWith("user,teleport_user,"), csv.toString());
        assertTrue(csv.out().contains(user + "," + user + ",,not-cleaned-up,"), csv.toString());
    }

    @Test
    void lockDryRunPrintsTheExactSqlAndChangesNothingThenLockLocks() {
        String user = autoUser("lockcli", true);
        CliRun dry = CliRun.run("lock", user, "--dry-run", "--uri", target.uri(), "--tls-ca", target.caFile().toString(),
                "--tls-cert", target.certFile(PostgresTarget.DBA).toString(), "--tls-key", target.keyFile(PostgresTarget.DBA).toString());
        assertEquals(0, dry.code(), dry.toString());
        assertTrue(dry.out().contains("ALTER ROLE " + SqlText.identifier(user) + " NOLOGIN;"), dry.toString());
        assertTrue(dry.out().contains("Dry run: nothing was changed."), dry.toString());
        assertTrue(target.canLogin(user));

        CliRun lock = CliRun.run("lock", user, "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(0, lock.code(), lock.toString());
        assertFalse(target.canLogin(user));
    }

    @Test
    void dropOfAnOwnerLeavesItLockedAndSaysHowThenReassigningDropsIt() {
        String owner = autoUser("ownercli", true);
        target.sql("CREATE TABLE " + SqlText.identifier(owner + "_t") + " (id int)",
                "ALTER TABLE " + SqlText.identifier(owner + "_t") + " OWNER TO " + SqlText.identifier(owner));
        String hint = owner + " owns objects: to drop it, hand the objects to a role: autouser drop " + owner
                + " --reassign-owned-to ROLE";
        CliRun dry = CliRun.run("drop", owner, "--dry-run", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertTrue(dry.out().contains(hint), dry.toString());
        String planLine = dry.out().lines().filter(l -> l.contains("owns objects (")).findFirst().orElseThrow();
        assertFalse(planLine.contains("--reassign-owned-to"), "the core's plan reason names no CLI option: " + planLine);
        CliRun refused = CliRun.run("drop", owner, "--yes", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.out().contains(hint), refused.toString());
        assertFalse(target.canLogin(owner), "locked instead, as Teleport does");

        CliRun dropped = CliRun.run("drop", owner, "--yes", "--reassign-owned-to", "dba", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(0, dropped.code(), dropped.toString());
        assertTrue(dropped.out().contains("REASSIGN OWNED BY " + SqlText.identifier(owner) + " TO \"dba\""), dropped.toString());
        assertFalse(target.roleExists(owner));
        target.sql("DROP TABLE " + SqlText.identifier(owner + "_t"));
    }

    @Test
    void reassigningTouchesOnlyTheUsersWhoOwnObjectsAndEachResultSaysWhatHappened() {
        String owner = autoUser("ownerboth", false);
        String plain = autoUser("plainboth", false);
        target.sql("CREATE TABLE " + SqlText.identifier(owner + "_t") + " (id int)",
                "ALTER TABLE " + SqlText.identifier(owner + "_t") + " OWNER TO " + SqlText.identifier(owner));
        CliRun dry = CliRun.run("drop", owner, plain, "--dry-run", "--reassign-owned-to", "dba", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertTrue(dry.out().contains("REASSIGN OWNED BY " + SqlText.identifier(owner)), dry.toString());
        assertFalse(dry.out().contains("REASSIGN OWNED BY " + SqlText.identifier(plain)), dry.toString());

        CliRun dropped = CliRun.run("drop", owner, plain, "--yes", "--reassign-owned-to", "dba", "--uri", target.psqlUri(PostgresTarget.DBA));

        assertEquals(0, dropped.code(), dropped.toString());
        assertTrue(dropped.out().contains(plain + ": dropped; it owned no objects, so nothing was reassigned"), dropped.toString());
        assertTrue(dropped.out().contains(owner + ": dropped; objects reassigned to dba (the plan found 1 in postgres)"),
                dropped.toString());
        assertFalse(target.roleExists(owner) || target.roleExists(plain));
        target.sql("DROP TABLE " + SqlText.identifier(owner + "_t"));
    }

    @Test
    void serverInfoSaysWhatTheIdentityMayDoAndDeactivateOfAnUnknownRoleIsRefused() {
        CliRun info = CliRun.run("server-info", "--uri", target.psqlUri(PostgresTarget.TELEPORT_ADMIN));
        assertEquals(0, info.code(), info.toString());
        assertTrue(info.out().contains("Connected as:  teleport-admin CREATEROLE"), info.toString());
        assertTrue(info.out().contains("member WITH ADMIN OPTION"), info.toString());
        assertTrue(info.out().contains("NO see other users' session details"), info.toString());

        CliRun nobody = CliRun.run("deactivate", "nobody", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(1, nobody.code(), nobody.toString());
        assertEquals("error: Cannot deactivate nobody: no such role.", nobody.err().strip());
    }

    @Test
    void aSavedProfileKeepsTheUriAndTheFilesInTheSharedStoreAndConnectsAgain() throws Exception {
        String user = autoUser("profiled", true);
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("autouser-pgprofile");
        CliRun saved = CliRun.runIn(home, false, "", "list", "--uri", target.uri(), "--tls-ca", target.caFile().toString(),
                "--tls-cert", target.certFile(PostgresTarget.DBA).toString(), "--tls-key", target.keyFile(PostgresTarget.DBA).toString(),
                "--save-profile", "pg-prod");
        assertEquals(0, saved.code(), saved.toString());
        assertTrue(saved.err().contains("Saved profile \"pg-prod\" (no secrets)."), saved.toString());
        dev.autouser.core.mongo.ConnectionProfile profile = new dev.autouser.core.mongo.ProfileStore(
                home.resolve("config").resolve("profiles.json")).find("pg-prod").orElseThrow();
        assertEquals(target.uri(), profile.uri());
        assertEquals(java.util.Optional.of(target.keyFile(PostgresTarget.DBA)), profile.tlsKeyFile());

        CliRun again = CliRun.runIn(home, false, "", "list", "--profile", "pg-prod");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().startsWith("POSTGRESQL ROLE"), again.toString());
        assertTrue(again.out().contains(user), again.toString());
    }

    @Test
    void allowUnverifiedIsRefusedWithItsReasonAndNothingIsSent() {
        String user = autoUser("unverified", true);
        CliRun run = CliRun.run("lock", user, "--allow-unverified", "db2:5432", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--allow-unverified is for MongoDB members and routers"), run.toString());
        assertTrue(target.canLogin(user));
        CliRun cleanup = CliRun.run("cleanup", "--locked-only", "--allow-unverified", "db2:5432", "--uri",
                target.psqlUri(PostgresTarget.DBA));
        assertEquals(2, cleanup.code(), cleanup.toString());
    }

    @Test
    void aBadUriIsOneSentence() {
        CliRun run = CliRun.run("list", "--uri", "postgresql://localhost:99999/postgres");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("is not a number from 1 to 65535"), run.toString());
        CliRun unknown = CliRun.run("list", "--uri", "postgresql://localhost/postgres?sslcompression=1");
        assertTrue(unknown.err().contains("does not understand the PostgreSQL URI parameter \"sslcompression\""), unknown.toString());
    }


    private String autoUser(String base, boolean login) {
        String name = "pgcli" + RUN + "-" + base + "-" + COUNTER.incrementAndGet();
        created.add(name);
        target.sql("CREATE ROLE " + SqlText.identifier(name) + (login ? " LOGIN" : " NOLOGIN") + " IN ROLE \"teleport-auto-user\"");
        return name;
    }



}
