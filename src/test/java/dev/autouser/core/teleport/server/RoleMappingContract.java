package dev.autouser.core.teleport.server;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.CreateDbUserMode;
import dev.autouser.core.teleport.DriverCommandRunner;
import dev.autouser.core.teleport.RoleMappingValidator;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.core.teleport.ServerRoleCatalog;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.SessionPreviewer;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.TeleportRole;
import dev.autouser.core.teleport.adminsetup.AdminRoleSpec;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Role-mapping validation, preview and simulation against a real server process. */
abstract class RoleMappingContract extends ServerFixtureContract {
    private List<String> validateAsDba(String... entries) {
        TeleportRole role = TeleportRole.create("auto").withAllowDbRoles(List.of(entries));
        return RoleMappingValidator.validate(role, Map.of(), new ServerRoleCatalog(new DriverCommandRunner(target().dba())))
                .stream().map(RoleProblem::line).toList();
    }

    @Test
    void existingBuiltinAndCustomRolesPass() {
        String custom = fx.customRole("reporting");
        fx.dba("db2", new Document("createRole", custom).append("privileges", List.of()).append("roles", List.of()));

        assertEquals(List.of(), validateAsDba("readWrite@db1", "readAnyDatabase@admin", custom + "@db2"));
    }

    @Test
    void wrongCaseGetsTheDidYouMeanMessage() {
        assertEquals(List.of("`readwrite@db1`: no such role — did you mean `readWrite`?"), validateAsDba("readwrite@db1"));
    }

    @Test
    void adminOnlyBuiltinElsewherePointsToAdmin() {
        assertEquals(List.of("`readAnyDatabase@db1`: no such role in db1 — readAnyDatabase exists only in admin: did you mean `readAnyDatabase@admin`?"),
                validateAsDba("readAnyDatabase@db1"));
    }

    @Test
    void unknownRoleSaysToCreateIt() {
        assertEquals(List.of("`nosuchrole-" + fx.id + "@db1`: no such role in database db1; create it first or correct the name."),
                validateAsDba("nosuchrole-" + fx.id + "@db1"));
    }

    @Test
    void onlyOneRolesInfoPerDatabase() {
        ServerRoleCatalog catalog = new ServerRoleCatalog(new DriverCommandRunner(target().dba()));
        TeleportRole role = TeleportRole.create("auto").withAllowDbRoles(List.of("read@db1", "readWrite@db1", "dbAdmin@db1", "read@admin", "root@admin"));

        RoleMappingValidator.validate(role, Map.of(), catalog);

        assertEquals(2, catalog.roundTrips());
    }

    @Test
    void withoutViewRoleItCannotCheckAndSaysSo() {
        AdminRoleSpec spec = fx.spec();
        fx.adminSetupAsDba().apply(spec, r -> { });
        try (MongoClient admin = target().connectAs(fx.commonName(spec))) {
            List<RoleProblem> problems = RoleMappingValidator.validate(TeleportRole.create("auto").withAllowDbRoles(List.of("readwrite@db1")),
                    Map.of(), new ServerRoleCatalog(new DriverCommandRunner(admin)));

            assertEquals(1, problems.size(), problems.toString());
            assertEquals(RoleProblem.Severity.NOTE, problems.get(0).severity());
            assertTrue(problems.get(0).message().startsWith("cannot check that readwrite exists in database db1"), problems.get(0).message());
        }
    }

    @Test
    void withViewRoleTheTeleportAdminCanValidate() {
        AdminRoleSpec spec = fx.spec().withViewRole(true);
        fx.adminSetupAsDba().apply(spec, r -> { });
        try (MongoClient admin = target().connectAs(fx.commonName(spec))) {
            List<RoleProblem> problems = RoleMappingValidator.validate(TeleportRole.create("auto").withAllowDbRoles(List.of("readwrite@db1")),
                    Map.of(), new ServerRoleCatalog(new DriverCommandRunner(admin)));

            assertEquals(List.of("`readwrite@db1`: no such role — did you mean `readWrite`?"), problems.stream().map(RoleProblem::line).toList());
        }
    }

    @Test
    void previewFlagsANameTakenByAUserTeleportDoesNotManage() {
        SessionPreview.Result r = preview(TeleportRole.create("auto").withAllowDbRoles(List.of("read@db1")), "dba");

        assertEquals(SessionPreview.UserState.NOT_MANAGED_BY_TELEPORT, r.state());
        assertTrue(r.outcome().startsWith("Conflict: user \"CN=dba\" already exists"), r.outcome());
    }

    @Test
    void previewOfANewUserShowsTheCreateUserCommandWithSortedRoles() {
        String alice = fx.teleportUser("alice");
        SessionPreview.Result r = preview(TeleportRole.create("auto").withAllowDbRoles(List.of("readWrite@db1", "readAnyDatabase@admin")), alice);

        assertEquals(SessionPreview.UserState.ABSENT, r.state());
        assertEquals(List.of(RoleRef.parse("readAnyDatabase@admin"), RoleRef.parse("readWrite@db1")), r.roles());
        assertEquals("createUser", r.command().orElseThrow().keySet().iterator().next());
    }

    @Test
    void simulatedKeepSessionCreatesThenLocksAndPreviewThenSeesAnInactiveUser() {
        AdminRoleSpec spec = fx.spec();
        fx.adminSetupAsDba().apply(spec, r -> { });
        String alice = fx.teleportUser("alice");
        TeleportRole role = TeleportRole.create("auto").withAllowDbRoles(List.of("readWrite@db1", "{{internal.db_roles}}"));
        SessionPreview.Request request = new SessionPreview.Request(alice, Optional.empty(), Map.of("db_roles", List.of("read@db2")), List.of());

        SessionSimulator.Simulation sim = fx.simulatorAs(fx.commonName(spec)).simulate(role, request, Optional.empty());

        assertTrue(sim.succeeded(), sim.steps().toString());
        assertEquals(List.of("session start (activate): created", "session end (deactivate, keep mode): deactivated (roles removed, locked)"),
                sim.steps().stream().map(SessionSimulator.Step::line).toList());
        assertEquals(SessionPreview.UserState.AUTO_INACTIVE, preview(role, alice).state());
    }

    @Test
    void simulatedDropSessionLeavesNoUser() {
        AdminRoleSpec spec = fx.spec();
        fx.adminSetupAsDba().apply(spec, r -> { });
        String bob = fx.teleportUser("bob");
        TeleportRole role = TeleportRole.create("auto").withMode(CreateDbUserMode.BEST_EFFORT_DROP).withAllowDbRoles(List.of("read@db1"));

        SessionSimulator.Simulation sim = fx.simulatorAs(fx.commonName(spec))
                .simulate(role, new SessionPreview.Request(bob, Optional.empty(), Map.of(), List.of()), Optional.empty());

        assertEquals("session end (delete, best_effort_drop mode): dropped", sim.steps().get(1).line());
        assertEquals(SessionPreview.UserState.ABSENT, preview(role, bob).state());
        // Both steps are one run in the audit, marked as a simulation so nobody takes them for a real session.
        List<dev.autouser.core.audit.AuditRecord> records = fx.audit.readNewestFirst(50).stream()
                .filter(r -> r.targetUser().equals("CN=" + bob)).toList();
        assertEquals(2, records.size(), records.toString());
        assertEquals(1, records.stream().map(r -> r.run().id()).distinct().count(), records.toString());
        assertTrue(records.stream().allMatch(r -> r.run().has(dev.autouser.core.audit.Mark.SIMULATION)), records.toString());
    }

    @Test
    void previewOfAMissingRoleIsTheRefusalThatMongoDbGivesTheCommand() {
        String carol = fx.teleportUser("carol");
        SessionPreview.Result r = preview(TeleportRole.create("auto").withAllowDbRoles(List.of("readwrite@db1")), carol);

        assertTrue(r.teleportRefuses(), r.outcome());
        assertTrue(r.outcome().startsWith("MongoDB refuses Teleport's createUser: role readwrite@db1 does not exist"), r.outcome());
        MongoCommandException refused = assertThrows(MongoCommandException.class,
                () -> fx.dba("$external", r.command().orElseThrow()));
        assertEquals(31, refused.getErrorCode());
    }

    private SessionPreview.Result preview(TeleportRole role, String user) {
        return new SessionPreviewer(new DriverCommandRunner(target().dba()))
                .preview(role, new SessionPreview.Request(user, Optional.empty(), Map.of(), List.of()));
    }
}
