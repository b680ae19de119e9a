package dev.autouser.sandbox.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL demo on its own embedded server, with the activity slowed to a standstill so the
 * seeded states hold: each state is there as the server reports it, the ready URI works for psql,
 * and closing leaves no server process and no data folder behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunningPostgresDemoTest {
    private static Path pki;
    private static RunningPostgresDemo demo;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pki = Files.createTempDirectory("pg-demo-test-pki");
        demo = RunningPostgresDemo.start(new RunningPostgresDemo.Settings(pki, 0, Duration.ofHours(1)), progress::add);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private record Row(boolean login, boolean member, List<String> roles, int sessions, int owned) {
    }

    private static Map<String, Row> roles() throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (Connection dba = demo.server().connect(PostgresDemoData.DBA, "postgres", "test");
             PreparedStatement query = dba.prepareStatement("""
                     SELECT r.rolname, r.rolcanlogin,
                            EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid
                                      AND m.roleid = 'teleport-auto-user'::regrole),
                            ARRAY(SELECT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                   WHERE m.member = r.oid AND g.rolname <> 'teleport-auto-user' ORDER BY 1),
                            (SELECT count(*) FROM pg_stat_activity a WHERE a.usename = r.rolname),
                            (SELECT count(*) FROM pg_shdepend d WHERE d.refobjid = r.oid AND d.deptype = 'o')
                       FROM pg_roles r""");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rows.put(row.getString(1), new Row(row.getBoolean(2), row.getBoolean(3),
                        List.of((String[]) row.getArray(4).getArray()), row.getInt(5), row.getInt(6)));
            }
        }
        return rows;
    }

    @Test
    @Order(1)
    void startupReportsItsSteps() {
        assertEquals(List.of("Starting PostgreSQL", "Creating logins, databases and roles",
                "Provisioning auto-users through Teleport's procedures", "Opening the demo's sessions"), progress);
    }

    @Test
    @Order(2)
    void everyStateIsOnTheServer() throws SQLException {
        Map<String, Row> roles = roles();
        for (PostgresDemoRoster.DemoUser user : PostgresDemoRoster.USERS) {
            Row row = roles.get(user.name());
            switch (user.start()) {
                case ACTIVE -> {
                    assertTrue(row.member() && row.login() && row.sessions() > 0, user + ": " + row);
                    assertEquals(user.roles().stream().sorted().toList(), row.roles(), user.name());
                }
                case UNLOCKED_IDLE -> {
                    assertTrue(row.member() && row.login() && row.sessions() == 0, user + ": " + row);
                    assertFalse(row.roles().isEmpty(), "an agent that died mid-session leaves the roles: " + user);
                }
                case LOCKED -> assertTrue(row.member() && !row.login() && row.roles().isEmpty() && row.sessions() == 0,
                        user + ": " + row);
                case OWNS_OBJECTS -> assertTrue(row.member() && !row.login() && row.owned() > 0 && row.roles().isEmpty(),
                        user + ": " + row);
                case CHURN -> {
                    if (user.mode() == PostgresDemoRoster.Mode.BEST_EFFORT_DROP) {
                        assertTrue(row == null || row.member(), user.name());
                    } else {
                        assertTrue(row.member(), user.name());
                    }
                }
            }
        }
    }

    @Test
    @Order(3)
    void outsidersCanLogInButAreNotInTheGroup() throws SQLException {
        Map<String, Row> roles = roles();
        for (PostgresDemoRoster.Outsider outsider : PostgresDemoRoster.OUTSIDERS) {
            Row row = roles.get(outsider.name());
            assertTrue(row.login() && !row.member(), outsider + ": " + row);
            try (Connection login = demo.server().connectWithPassword(outsider.name(),
                    demo.seeded().outsiderPasswords().get(outsider.name()), "postgres")) {
                assertTrue(login.isValid(5));
            }
        }
    }

    @Test
    @Order(4)
    void sessionsAreCertificateLoginsOverTls() throws SQLException {
        try (Connection dba = demo.server().connect(PostgresDemoData.DBA, "postgres", "test");
             PreparedStatement query = dba.prepareStatement("""
                     SELECT a.usename, s.ssl, s.client_dn FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
                      WHERE a.usename IN (SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member
                                           WHERE m.roleid = 'teleport-auto-user'::regrole)""");
             ResultSet row = query.executeQuery()) {
            int sessions = 0;
            while (row.next()) {
                sessions++;
                assertTrue(row.getBoolean(2));
                assertEquals("/CN=" + row.getString(1), row.getString(3));
            }
            assertEquals(demo.activity().activeUsers().size(), sessions);
        }
    }

    @Test
    @Order(5)
    void psqlAcceptsTheReadyUriAsIs() throws Exception {
        assumeTrue(onPath("psql"), "psql is not installed (apt-get install postgresql-client); .ci/run installs it");
        Process psql = new ProcessBuilder("psql", demo.dbaUri(), "-At", "-c",
                "SELECT current_user || ' ' || ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .redirectErrorStream(true).start();
        assertTrue(psql.waitFor(60, TimeUnit.SECONDS));
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, psql.exitValue(), out);
        assertEquals("dba true", out);
    }

    @Test
    @Order(5)
    void theCliTakesTheReadyUriAsIsAndListsOnlyTheGroup(@org.junit.jupiter.api.io.TempDir Path home) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        dev.autouser.cli.CliContext context = new dev.autouser.cli.CliContext(new dev.autouser.core.AppDirs(
                home.resolve("config"), home.resolve("data")), Map.of(), false,
                new java.io.BufferedReader(new java.io.StringReader("")));

        int code = dev.autouser.cli.AutoUserCommand.execute(context, new java.io.PrintWriter(out),
                new java.io.PrintWriter(err), "list", "--uri", demo.dbaUri());

        assertEquals(0, code, out + "\n" + err);
        for (PostgresDemoRoster.DemoUser user : PostgresDemoRoster.USERS) {
            if (user.start() != PostgresDemoRoster.Start.CHURN) {
                assertTrue(out.toString().contains(user.name()), user.name() + " in\n" + out);
            }
        }
        for (PostgresDemoRoster.Outsider outsider : PostgresDemoRoster.OUTSIDERS) {
            assertFalse(out.toString().contains(outsider.name() + " "), outsider.name() + " in\n" + out);
        }
        // On 16+ Teleport's admin became a member of the group it created (ADMIN OPTION): never an auto-user.
        assertFalse(out.toString().lines().anyMatch(line -> line.startsWith(PostgresDemoData.TELEPORT_ADMIN + " ")), out.toString());
    }

    @Test
    @Order(6)
    void closingLeavesNoServerProcessAndNoDataFolder() throws IOException {
        Path dataDir = demo.server().dataDirectory();
        assertTrue(Files.isDirectory(dataDir));
        assertTrue(postgresProcessesFor(dataDir) > 0, "the server runs from " + dataDir);

        demo.close();
        demo = null;

        assertFalse(Files.exists(dataDir), dataDir + " is removed");
        assertEquals(0, postgresProcessesFor(dataDir));
    }

    private static long postgresProcessesFor(Path dataDir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir.toString())).orElse(false))
                .count();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
