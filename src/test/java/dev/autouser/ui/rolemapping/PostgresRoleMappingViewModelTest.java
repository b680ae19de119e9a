package dev.autouser.ui.rolemapping;

import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.engine.Engine;
import dev.autouser.ui.support.Confirmation;
import java.nio.file.Files;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.teleport.TeleportAgent;
import dev.autouser.core.postgres.teleport.TeleportRefusal;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.core.teleport.TeleportRole;
import dev.autouser.testsupport.PostgresTarget;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The role-mapping editor on a PostgreSQL session, against the real embedded PostgreSQL of
 * {@link PostgresTarget}: entries checked live against pg_roles and Teleport's admin's ADMIN OPTION,
 * and the preview held against what Teleport's procedure then really does.
 */
class PostgresRoleMappingViewModelTest {
    private static PostgresTarget target;
    private static PostgresGateway gateway;
    private static TeleportAgent agent;

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> madeUsers = new ArrayList<>();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final StringProperty admin = new SimpleStringProperty(PostgresTarget.TELEPORT_ADMIN);
    private final RoleMappingViewModel model = new RoleMappingViewModel(new PostgresRoleChecks(gateway, admin),
            RoleEntryHints.POSTGRES, dialogs, FxExecutors.direct());

    @BeforeAll
    static void start() {
        target = PostgresTarget.shared();
        target.sql("DO $$BEGIN IF to_regrole('pgp_reader') IS NULL THEN CREATE ROLE pgp_reader; CREATE ROLE pgp_writer;"
                        + " CREATE ROLE pgp_secret; END IF; END$$",
                "GRANT pgp_reader, pgp_writer TO \"teleport-admin\" WITH ADMIN OPTION, INHERIT FALSE, SET FALSE");
        gateway = PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null);
        agent = target.teleportAgent();
    }

    @AfterAll
    static void close() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void dropUsers() {
        madeUsers.forEach(user -> target.sql("DROP ROLE IF EXISTS \"" + user + "\""));
    }

    private String newUser() {
        String user = "pgp-user-" + id + "-" + madeUsers.size();
        madeUsers.add(user);
        return user;
    }

    private void entries(String... roles) {
        model.allowRoles().setAll(roles);
        model.dbNamesProperty().set("*");
        model.labelsProperty().set("'*': '*'");
    }

    @Test
    void aNewRoleStartsWithTheTemplateAndSaysItNeedsSampleTraits() {
        assertEquals(List.of("{{internal.db_roles}}"), List.copyOf(model.allowRoles()));
        assertEquals(List.of("{{internal.db_roles}}"), model.problemsFor("{{internal.db_roles}}").stream().map(RoleProblem::entry).toList());
    }

    @Test
    void anUnfilledTemplateIsNotCalledValidUntilSampleTraitsFillIt() {
        entries("pgp_reader", "{{internal.db_roles}}");

        assertEquals("Not fully checked: 1 template needs sample traits to check the roles it produces; no errors in the rest.",
                model.summaryProperty().get());

        model.sampleTraitsProperty().set("db_roles=pgp_writer");
        assertEquals("Valid: every entry names a role that exists.", model.summaryProperty().get());
    }

    @Test
    void rolesTheAdminHoldsWithAdminOptionAreValid() {
        entries("pgp_reader", "pgp_writer");

        assertEquals(List.of(), List.copyOf(model.problems()));
        assertEquals("Valid: every entry names a role that exists.", model.summaryProperty().get());
    }

    @Test
    void aMongoStyleEntryIsFlaggedOnItsEntryAndTeleportsGrantReallyFails() {
        entries("pgp_reader@appdb");

        List<RoleProblem> onEntry = model.problemsFor("pgp_reader@appdb");
        assertEquals(1, onEntry.size(), model.problems().toString());
        assertTrue(onEntry.get(0).message().startsWith("no such role: PostgreSQL role names have no @db"), onEntry.toString());
        assertEquals("1 error: Teleport would refuse or misbehave.", model.summaryProperty().get());
        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(newUser(), List.of("pgp_reader@appdb")));
        assertEquals("42704", refusal.sqlState());
    }

    @Test
    void onPostgres16ARoleTheAdminDoesNotHoldIsFlaggedForTheAdminNamedAndItsGrantFails() {
        entries("pgp_reader", "pgp_secret");

        assertEquals(List.of("pgp_secret"), model.problems().stream().map(RoleProblem::entry).toList());
        assertTrue(model.problems().get(0).message().startsWith("exists, but teleport-admin does not hold it WITH ADMIN OPTION"));
        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(newUser(), List.of("pgp_secret")));
        assertEquals("42501", refusal.sqlState(), refusal.getMessage());

        admin.set("tp-nobody-" + id); // another admin, holding none of them: both entries are checked again
        assertEquals(List.of("pgp_reader", "pgp_secret"), model.problems().stream().map(RoleProblem::entry).toList());
        assertTrue(model.problems().get(0).message().startsWith("exists, but tp-nobody-" + id + " does not hold it"));
    }

    @Test
    void templatesExpandFromSampleTraitsAndProblemsLandOnTheTemplate() {
        entries("{{internal.db_roles}}");

        model.sampleTraitsProperty().set("db_roles=pgp_writer\ndb_roles=pgp_nope");

        assertEquals(List.of("pgp_nope (from {{internal.db_roles}})"),
                model.problemsFor("{{internal.db_roles}}").stream().map(RoleProblem::entry).toList());
    }

    @Test
    void theMatchersAndModeAreCheckedAsForMongoDb() {
        entries("pgp_reader");
        model.dbNamesProperty().set("");

        assertEquals(List.of("spec.allow.db_names"), model.problems().stream().map(RoleProblem::field).toList());
    }

    @Test
    void thePreviewIsTeleportsActivateCallAndStatementsAndTeleportThenDoesThat() throws Exception {
        entries("pgp_writer", "pgp_reader");
        SessionPreviewModel session = new SessionPreviewModel(model, SessionPreviews.postgres(gateway), dialogs, FxExecutors.direct());
        String user = newUser();
        session.userProperty().set(user);

        session.preview();

        assertEquals("PostgreSQL user: " + user + " (mode keep)\nRoles: pgp_reader, pgp_writer\n"
                + "Teleport creates " + user + " in teleport-auto-user and grants the session's roles.\n"
                + "call pg_temp.teleport_activate_user('" + user + "', ARRAY['pgp_reader', 'pgp_writer']::varchar[]);\n"
                + "CREATE USER \"" + user + "\" IN ROLE \"teleport-auto-user\";\n"
                + "GRANT \"pgp_reader\" TO \"" + user + "\";\nGRANT \"pgp_writer\" TO \"" + user + "\";\n",
                session.previewProperty().get());
        assertTrue(!session.canSimulate());
        agent.activate(user, List.of("pgp_reader", "pgp_writer"));
        try (Connection su = target.admin(); java.sql.Statement sql = su.createStatement();
             java.sql.ResultSet row = sql.executeQuery("SELECT array_agg(g.rolname::text ORDER BY g.rolname::text) FROM pg_auth_members m"
                     + " JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = '" + user + "'::regrole")) {
            assertTrue(row.next());
            assertEquals(List.of("pgp_reader", "pgp_writer", "teleport-auto-user"), List.of((String[]) row.getArray(1).getArray()));
        }
    }

    @Test
    void thePreviewForARoleOutsideTheGroupIsTeleportsRefusal() {
        entries("pgp_reader");
        String user = newUser();
        target.sql("CREATE ROLE \"" + user + "\" LOGIN");
        SessionPreviewModel session = new SessionPreviewModel(model, SessionPreviews.postgres(gateway), dialogs, FxExecutors.direct());
        session.userProperty().set(user);

        session.preview();

        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(user, List.of("pgp_reader")));
        assertTrue(session.previewProperty().get().contains("\nTeleport refuses the session: " + refusal.getMessage() + "\n"),
                session.previewProperty().get());
    }

    @Test
    void aSimulationConfirmsWithTeleportsExactCallsThenRunsTheProceduresAsTheAdminCertificate() throws Exception {
        entries("pgp_reader");
        AuditLog audit = new AuditLog(Files.createTempDirectory("pgsim").resolve("audit.jsonl"));
        SessionPreviewModel session = simulating(audit);
        String user = newUser();
        session.userProperty().set(user);
        dialogs.openFile = target.combinedFile(PostgresTarget.TELEPORT_ADMIN);
        session.chooseAdminCertificate();

        session.simulate();

        Confirmation dryRun = dialogs.confirmations.get(0);
        assertEquals("Simulate session for " + user, dryRun.actionLabel());
        assertTrue(dryRun.message().startsWith("SIMULATION") && dryRun.message().contains("as teleport-admin."), dryRun.message());
        assertTrue(dryRun.commands().contains("CREATE USER \"" + user + "\" IN ROLE \"teleport-auto-user\";\nGRANT \"pgp_reader\" TO \""
                + user + "\";"), dryRun.commands());
        assertTrue(dryRun.commands().contains("CALL pg_temp.teleport_deactivate_user('" + user + "');"), dryRun.commands());
        assertEquals(List.of("session start (activate): created", "session end (deactivate, keep mode): deactivated (roles removed, locked)",
                "Simulation finished as Teleport's admin teleport-admin: Teleport can run this session end to end."),
                List.copyOf(session.simulationSteps()));
        assertTrue(target.roleExists(user) && !target.canLogin(user), "created, then locked by Teleport's deactivate procedure");
        List<AuditRecord> records = audit.read().entries().stream().map(AuditEntry::record).toList();
        assertEquals(4, records.size(), records.toString());
        records.forEach(r -> {
            assertEquals(PostgresTarget.TELEPORT_ADMIN, r.identity());
            assertTrue(r.run().has(Mark.SIMULATION), r.toString());
        });
        assertTrue(records.get(0).command().startsWith("CALL pg_temp.teleport_activate_user('" + user + "'"), records.get(0).command());
    }

    @Test
    void aDeclinedDryRunChangesNothing() throws Exception {
        entries("pgp_reader");
        SessionPreviewModel session = simulating(new AuditLog(Files.createTempDirectory("pgsim").resolve("audit.jsonl")));
        String user = newUser();
        session.userProperty().set(user);
        dialogs.answerConfirm = false;

        session.simulate();

        assertTrue(dialogs.confirmations.get(0).message().contains("as dba."), dialogs.confirmations.get(0).message());
        assertEquals(List.of(), List.copyOf(session.simulationSteps()));
        assertTrue(!target.roleExists(user), "a dry run changes nothing");
    }

    @Test
    void aRoleOutsideTheGroupIsNamedAsExistingAndTeleportsRefusalIsTheStep() throws Exception {
        entries("pgp_reader");
        SessionPreviewModel session = simulating(new AuditLog(Files.createTempDirectory("pgsim").resolve("audit.jsonl")));
        String user = newUser();
        target.sql("CREATE ROLE \"" + user + "\" LOGIN");
        session.userProperty().set(user);

        session.simulate();

        assertEquals("Simulate on existing user " + user, dialogs.confirmations.get(0).actionLabel());
        assertTrue(dialogs.confirmations.get(0).message().contains(user + " ALREADY EXISTS"), dialogs.confirmations.get(0).message());
        TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(user, List.of("pgp_reader")));
        assertEquals(TeleportRefusal.Kind.NOT_MANAGED_BY_TELEPORT, refusal.kind());
        assertEquals("session start (activate): failed: Teleport refuses the session: " + refusal.getMessage(),
                session.simulationSteps().get(0));
        assertTrue(target.canLogin(user), "Teleport's procedure changed nothing");
    }

    @Test
    void aConnectedUserWhoseRolesWouldChangeIsRefusedWithTp002() throws Exception {
        entries("pgp_writer");
        SessionPreviewModel session = simulating(new AuditLog(Files.createTempDirectory("pgsim").resolve("audit.jsonl")));
        String user = newUser();
        agent.activate(user, List.of("pgp_reader"));
        try (Connection connected = target.sessionAs(user, "postgres", "psql-pgp")) {
            session.userProperty().set(user);

            session.simulate();

            TeleportRefusal refusal = assertThrows(TeleportRefusal.class, () -> agent.activate(user, List.of("pgp_writer")));
            assertEquals("TP002", refusal.sqlState());
            assertEquals("session start (activate): failed: Teleport refuses the session (TP002): " + refusal.getMessage(),
                    session.simulationSteps().get(0));
            assertTrue(target.canLogin(user), "the connected user is left as it was");
        }
    }

    /** As the console builds it on a PostgreSQL session: Teleport's procedures as the DBA, or as the admin's certificate. */
    private SessionPreviewModel simulating(AuditLog audit) {
        return new SessionPreviewModel(model, SessionPreviews.postgres(gateway),
                SimulationLogins.postgres(gateway, target.profileAs(PostgresTarget.DBA), audit), dialogs, FxExecutors.direct());
    }

    @Test
    void aDraftFromAMongoDbConnectionIsNotResumedOnPostgres() {
        model.resume(new RoleDraft(TeleportRole.create("mongo-role").withAllowDbRoles(List.of("readWrite@db1")), "", Engine.MONGODB));

        assertEquals(List.of("{{internal.db_roles}}"), List.copyOf(model.allowRoles()));
        model.allowRoles().setAll("pgp_reader");
        RoleDraft draft = model.draft().orElseThrow();
        RoleMappingViewModel next = new RoleMappingViewModel(new PostgresRoleChecks(gateway, admin), RoleEntryHints.POSTGRES,
                dialogs, FxExecutors.direct());
        next.resume(draft);
        assertEquals(List.of("pgp_reader"), List.copyOf(next.allowRoles()));
    }
}
