package dev.autouser.ui.adminsetup;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.teleport.TeleportAgent;
import dev.autouser.core.postgres.teleport.TeleportRefusal;
import dev.autouser.testsupport.PostgresTarget;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL admin-setup page's model on the real embedded PostgreSQL of {@link PostgresTarget}
 * (one per test JVM), connected as the superuser {@code dba}: what it shows, what it runs, and that a
 * problem it reports is what makes Teleport's own procedure fail there.
 */
class PostgresAdminSetupViewModelTest {
    private static PostgresTarget target;
    private static PostgresGateway asDba;

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String admin = "tp-page-admin-" + id;
    private final List<String> madeUsers = new ArrayList<>();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    @TempDir
    Path home;

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

    @AfterEach
    void dropRoles() {
        madeUsers.forEach(user -> target.sql("DROP ROLE IF EXISTS \"" + user + "\""));
        target.sql("DROP ROLE IF EXISTS \"" + admin + "\"");
    }

    private PostgresAdminSetupViewModel model(PostgresGateway gateway) {
        return new PostgresAdminSetupViewModel(gateway, new AuditLog(home.resolve("audit.jsonl")), dialogs, FxExecutors.direct());
    }

    private static List<String> texts(List<PostgresFinding> findings, boolean problems) {
        return findings.stream().filter(f -> f.problem() == problems).map(PostgresFinding::text).toList();
    }

    @Test
    void openingThePageChecksTheServerWithoutAClick() {
        PostgresAdminSetupViewModel model = model(asDba);

        model.open();

        assertEquals("The setup matches what Teleport needs.", model.statusProperty().get());
        List<String> notes = texts(model.findings(), false);
        assertTrue(notes.contains("teleport-admin holds teleport-auto-user WITH ADMIN OPTION"), notes.toString());
        assertTrue(notes.contains("ssl is on"), notes.toString());
        assertTrue(notes.contains("teleport-admin has LOGIN and CREATEROLE: Teleport can log in as it and create, alter and drop"
                + " users"), notes.toString()); // the passed checks are listed too, not only the status line
        assertTrue(model.nothingToApplyProperty().get(), "a clean check leaves Apply nothing to run");
        assertTrue(notes.stream().anyMatch(n -> n.matches("pg_hba\\.conf line \\d+ \\(hostssl all dba,teleport-admin,limited-admin"
                + " 127\\.0\\.0\\.1/32 cert\\) admits teleport-admin with its certificate from 127\\.0\\.0\\.1/32")), notes.toString());
        assertEquals(List.of(), texts(model.findings(), true));
        assertEquals("", model.scriptProperty().get());
    }

    @Test
    void whileTheServerIsAwayOpeningWaitsForIt() {
        PostgresAdminSetupViewModel model = model(asDba);
        model.serverTroubleProperty().set("connection refused");

        model.open();

        assertEquals("Not checked yet: press Verify.", model.statusProperty().get());
        assertTrue(model.findings().isEmpty());
        model.serverTroubleProperty().set("");
        assertTrue(model.findings().isEmpty(), "nothing was shown, so nothing is read again");
    }

    @Test
    void applyShowsTheSqlFirstThenRunsExactlyItAndSaysWhatSqlCannotFix() throws Exception {
        PostgresAdminSetupViewModel model = model(asDba);
        model.adminRoleProperty().set(admin);

        model.apply();

        String sql = "CREATE USER \"" + admin + "\" LOGIN CREATEROLE;\nGRANT \"teleport-auto-user\" TO \"" + admin
                + "\" WITH ADMIN OPTION;\n";
        assertEquals(1, dialogs.confirmations.size());
        assertEquals(sql, dialogs.confirmations.get(0).commands());
        assertEquals("Apply 2 changes", dialogs.confirmations.get(0).actionLabel());
        assertEquals(List.of(admin), dialogs.confirmations.get(0).subjects());
        assertEquals(List.of("sent: CREATE USER \"" + admin + "\" LOGIN CREATEROLE;",
                "sent: GRANT \"teleport-auto-user\" TO \"" + admin + "\" WITH ADMIN OPTION;"), model.steps());
        assertTrue(holdsGroupWithAdminOption(admin));
        assertTrue(Files.readString(home.resolve("audit.jsonl")).contains("CREATE USER \\\"" + admin + "\\\" LOGIN CREATEROLE"));
        // The test server's pg_hba.conf lets every other role in with trust: no SQL fixes that.
        assertEquals("1 finding that SQL cannot fix: it needs a change on the server itself (see the list).",
                model.statusProperty().get());
        assertTrue(texts(model.findings(), true).get(0).matches("pg_hba\\.conf line \\d+ \\(host all all all trust\\) decides for "
                + admin + " from any address with trust: .*"), model.findings().toString());
        assertEquals("", model.scriptProperty().get());

        model.apply();
        assertEquals(1, dialogs.confirmations.size(), "nothing left for SQL: no second confirmation");
        assertEquals("Nothing SQL can change: what is left needs a change on the server itself (see the findings).",
                dialogs.notices.get(dialogs.notices.size() - 1));
    }

    @Test
    void aDeclinedApplyChangesNothing() throws Exception {
        PostgresAdminSetupViewModel model = model(asDba);
        model.adminRoleProperty().set(admin);
        dialogs.answerConfirm = false;

        model.apply();

        assertFalse(roleExists(admin));
        assertTrue(model.steps().isEmpty());
        assertTrue(texts(model.findings(), true).contains("the role " + admin + " does not exist: Teleport cannot log in to create users"));
    }

    @Test
    void theDriftItFindsIsWhatMakesTeleportsActivateFailAndApplyMendsIt() throws Exception {
        // An admin as a PostgreSQL before 16 needed it: LOGIN CREATEROLE, but not the group WITH ADMIN OPTION.
        target.sql("CREATE ROLE \"" + admin + "\" LOGIN CREATEROLE");
        PostgresAdminSetupViewModel model = model(asDba);
        model.adminRoleProperty().set(admin);

        model.open();

        assertEquals(List.of(admin + " does not hold teleport-auto-user WITH ADMIN OPTION: on PostgreSQL 16+ it cannot put new"
                + " users in the group, so every auto-provisioned session fails"), texts(model.findings(), true).subList(0, 1));
        assertEquals("GRANT \"teleport-auto-user\" TO \"" + admin + "\" WITH ADMIN OPTION;\n", model.scriptProperty().get());
        assertFalse(model.nothingToApplyProperty().get(), "the GRANT is Apply's to run");
        TeleportAgent agent = new TeleportAgent(db -> target.sessionAs(admin, db, "teleport"), admin, "postgres");
        String user = newUser();
        TeleportRefusal refused = assertThrows(TeleportRefusal.class, () -> agent.activate(user, List.of()));
        assertEquals("42501", refused.sqlState(), refused.getMessage());
        assertFalse(roleExists(user));

        model.apply();

        assertEquals(List.of("sent: GRANT \"teleport-auto-user\" TO \"" + admin + "\" WITH ADMIN OPTION;"), model.steps());
        assertTrue(texts(model.findings(), false).contains(admin + " holds teleport-auto-user WITH ADMIN OPTION"));
        assertTrue(texts(model.findings(), false).contains(admin + " has LOGIN and CREATEROLE: Teleport can log in as it and"
                + " create, alter and drop users"), model.findings().toString());
        agent.activate(user, List.of()); // Teleport's procedure, logged in as the admin, really creates the user
        assertTrue(roleExists(user));
    }

    @Test
    void aLoginThatMayNotReadPgHbaSaysItCannotCheckAndWhy() {
        try (PostgresGateway asAdmin = PostgresGateway.connect(target.profileAs(PostgresTarget.TELEPORT_ADMIN), null, null)) {
            PostgresAdminSetupViewModel model = model(asAdmin);

            model.verify();

            assertTrue(texts(model.findings(), false).contains("cannot check pg_hba.conf: reading pg_hba_file_rules needs a"
                    + " superuser (or a grant on it); check by hand that a hostssl ... cert line matches teleport-admin"),
                    model.findings().toString());
            // No problem found, yet not "matches": one check could not be made.
            assertEquals(List.of(), texts(model.findings(), true));
            assertEquals("No problems found, but pg_hba.conf was not checked: this login may not read its rules (see the list).",
                    model.statusProperty().get());
            // And the server agrees: this login may not read the rules.
            Exception denied = assertThrows(Exception.class, () -> asAdmin.query("SELECT count(*) FROM pg_hba_file_rules",
                    "read pg_hba.conf's rules", rows -> rows.next()));
            assertTrue(denied.getMessage().toLowerCase().contains("permission denied"), denied.getMessage());
        }
    }

    @Test
    void theYamlIsTeleportsPostgresResourceWithTheDefaultDatabaseOnlyWhenGiven() {
        PostgresAdminSetupViewModel model = model(asDba);

        String plain = model.teleportYamlProperty().get();
        model.defaultDatabaseProperty().set("appdb");
        String withDb = model.teleportYamlProperty().get();
        model.copyYaml();

        assertTrue(plain.contains("protocol: postgres"), plain);
        assertTrue(plain.contains("uri: localhost:" + target.port()), plain);
        assertTrue(plain.contains("admin_user:\n    name: teleport-admin\n"), plain);
        assertFalse(plain.contains("default_database"), plain);
        assertTrue(withDb.contains("default_database: appdb"), withDb);
        assertEquals(withDb, dialogs.clipboard.get(0));
        assertEquals("appdb", model.checkedDatabase());
    }

    private String newUser() {
        String user = "tp-page-user-" + id;
        madeUsers.add(user);
        return user;
    }

    private static boolean roleExists(String role) throws Exception {
        try (Connection su = target.admin(); Statement sql = su.createStatement();
             ResultSet row = sql.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'")) {
            return row.next() && row.getInt(1) == 1;
        }
    }

    private static boolean holdsGroupWithAdminOption(String role) throws Exception {
        try (Connection su = target.admin(); Statement sql = su.createStatement();
             ResultSet row = sql.executeQuery("SELECT m.admin_option FROM pg_auth_members m WHERE m.roleid ="
                     + " 'teleport-auto-user'::regrole AND m.member = '" + role + "'::regrole")) {
            return row.next() && row.getBoolean(1);
        }
    }
}
