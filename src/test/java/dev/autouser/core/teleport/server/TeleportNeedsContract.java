package dev.autouser.core.teleport.server;

import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.UserCommands;
import dev.autouser.core.teleport.adminsetup.AdminRoleSpec;
import dev.autouser.core.teleport.adminsetup.TeleportNeeds;
import dev.autouser.core.teleport.adminsetup.TeleportNeeds.Operation;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every sentence {@link TeleportNeeds} says about an action of the admin role, proven on the server:
 * the role minus exactly that action, each of Teleport's operations sent as Teleport sends it by
 * that admin ({@code CN=teleport-admin-...}), and exactly the operations the claim names are refused
 * with 13 Unauthorized; the others work.
 */
abstract class TeleportNeedsContract extends ServerFixtureContract {
    private static final List<RoleRef> ROLES = List.of(RoleRef.parse("read@db1"));

    /** Each action of the documented role, and grantRole on db1 of the least-privilege role. */
    static Stream<Object[]> grants() {
        List<Object[]> cases = new ArrayList<>();
        AdminRoleSpec full = AdminRoleSpec.full();
        full.grants().forEach(grant -> cases.add(new Object[] {full, grant}));
        AdminRoleSpec leastPrivilege = full.withGrantDbs(List.of("db1"));
        leastPrivilege.grants().stream().filter(g -> g.action().equals("grantRole"))
                .forEach(grant -> cases.add(new Object[] {leastPrivilege, grant}));
        return cases.stream();
    }

    @ParameterizedTest(name = "without {1}")
    @MethodSource("grants")
    void exactlyTheOperationsTheClaimNamesAreRefused(AdminRoleSpec base, Privilege removed) {
        Set<Privilege> grants = new LinkedHashSet<>(base.grants());
        grants.remove(removed);

        Set<Operation> refused = refusedOperations(grants);

        assertEquals(TeleportNeeds.failsWithout(removed), refused, TeleportNeeds.whatFailsWithout(removed));
    }

    @Test
    void theDocumentedRoleRunsEveryOperation() {
        assertEquals(EnumSet.noneOf(Operation.class), refusedOperations(AdminRoleSpec.full().grants()));
    }

    private Set<Operation> refusedOperations(Set<Privilege> grants) {
        AdminRoleSpec spec = fx.spec();
        fx.dba("admin", new Document("createRole", spec.roleName()).append("roles", List.of())
                .append("privileges", Privilege.toDocuments(grants)));
        fx.dba("$external", new Document("createUser", spec.adminUser())
                .append("roles", List.of(new Document("role", spec.roleName()).append("db", "admin"))));
        MongoGateway admin = fx.gatewayAs(fx.commonName(spec));
        Set<Operation> refused = EnumSet.noneOf(Operation.class);
        for (Operation operation : Operation.values()) {
            try {
                run(admin, operation, prepare(operation));
            } catch (ConsoleException e) {
                if (!e.hasServerCode(13)) {
                    throw e;
                }
                refused.add(operation);
            }
        }
        return refused;
    }

    /** The user the operation acts on, as Teleport would find it (created by the DBA). */
    private String prepare(Operation operation) {
        String name = "CN=" + fx.teleportUser("needs-" + operation.name().toLowerCase(java.util.Locale.ROOT));
        switch (operation) {
            case FIRST_SESSION -> { }
            case RETURNING_SESSION -> {
                fx.dba("$external", UserCommands.createUser(name, ROLES));
                fx.dba("$external", UserCommands.lock(name));
            }
            case SESSION_END_KEEP, SESSION_END_DROP -> fx.dba("$external", UserCommands.createUser(name, ROLES));
        }
        return name;
    }

    /** The commands Teleport sends for the operation (lib/srv/db/mongodb/autousers.go), in order. */
    private static void run(MongoGateway admin, Operation operation, String name) {
        switch (operation) {
            case FIRST_SESSION -> {
                admin.run(UserCommands.EXTERNAL, UserCommands.usersInfoOne(name, true), "look up " + name);
                admin.run(UserCommands.EXTERNAL, UserCommands.createUser(name, ROLES), "create " + name);
            }
            case RETURNING_SESSION -> {
                admin.run(UserCommands.EXTERNAL, UserCommands.usersInfoOne(name, true), "look up " + name);
                admin.run(UserCommands.ADMIN, UserCommands.currentOpForUser(name), "check " + name);
                admin.run(UserCommands.EXTERNAL, UserCommands.activate(name, ROLES), "activate " + name);
            }
            case SESSION_END_KEEP -> {
                admin.run(UserCommands.ADMIN, UserCommands.currentOpForUser(name), "check " + name);
                admin.run(UserCommands.EXTERNAL, UserCommands.lock(name), "deactivate " + name);
            }
            case SESSION_END_DROP -> {
                admin.run(UserCommands.ADMIN, UserCommands.currentOpForUser(name), "check " + name);
                admin.run(UserCommands.EXTERNAL, UserCommands.dropUser(name), "drop " + name);
            }
        }
    }
}
