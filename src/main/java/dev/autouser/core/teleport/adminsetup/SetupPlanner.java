package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.provisioning.UserCommands;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns drift into commands: createRole, or grantPrivilegesToRole when only actions are missing,
 * or updateRole when there is more to remove than add; then createUser or grantRolesToUser.
 * A second plan after applying the first is empty. An optional viewRole already on the role is
 * kept, since the console may rely on it.
 */
public final class SetupPlanner {
    private SetupPlanner() {
    }

    public static SetupPlan plan(AdminRoleSpec spec, ExistingSetup existing) {
        List<PlannedStep> steps = new ArrayList<>();
        roleStep(spec, existing.role()).ifPresent(steps::add);
        userStep(spec, existing.user()).ifPresent(steps::add);
        return new SetupPlan(spec, steps);
    }

    private static Optional<PlannedStep> roleStep(AdminRoleSpec spec, Observation<ExistingSetup.Role> observed) {
        String db = AdminRoleSpec.ROLE_DB;
        return switch (observed.state()) {
            case ABSENT -> Optional.of(PlannedStep.of(db, createRole(spec, spec.grants()),
                    "Create " + spec.roleName() + " with the privileges Teleport needs"));
            case UNKNOWN -> Optional.of(new PlannedStep(db, createRole(spec, spec.grants()),
                    "Create " + spec.roleName() + ", or set its privileges if it exists",
                    Optional.of(updateRole(spec, spec.grants()))));
            case FOUND -> fixRole(spec, observed.value().orElseThrow());
        };
    }

    private static Optional<PlannedStep> fixRole(AdminRoleSpec spec, ExistingSetup.Role role) {
        Set<Privilege> required = spec.grants();
        Set<Privilege> target = new LinkedHashSet<>(required);
        role.grants().stream().filter(g -> "viewRole".equals(g.action())).forEach(target::add);
        boolean hasExtras = !role.inheritedRoles().isEmpty() || !target.containsAll(role.grants());
        if (hasExtras) {
            return Optional.of(PlannedStep.of(AdminRoleSpec.ROLE_DB, updateRole(spec, target),
                    "Set " + spec.roleName() + "'s privileges to exactly what Teleport needs"));
        }
        List<Privilege> missing = required.stream().filter(n -> role.grants().stream().noneMatch(g -> g.covers(n))).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Document grant = new Document("grantPrivilegesToRole", spec.roleName()).append("privileges", documents(missing));
        return Optional.of(PlannedStep.of(AdminRoleSpec.ROLE_DB, grant, "Add the actions " + spec.roleName() + " is missing"));
    }

    private static Optional<PlannedStep> userStep(AdminRoleSpec spec, Observation<ExistingSetup.User> observed) {
        String db = UserCommands.EXTERNAL;
        Document grant = new Document("grantRolesToUser", spec.adminUser()).append("roles", List.of(roleRef(spec)));
        return switch (observed.state()) {
            case ABSENT -> Optional.of(PlannedStep.of(db, createUser(spec), "Create Teleport's admin user " + spec.adminUser()));
            case UNKNOWN -> Optional.of(new PlannedStep(db, createUser(spec),
                    "Create " + spec.adminUser() + ", or grant it the role if it exists", Optional.of(grant)));
            case FOUND -> observed.value().orElseThrow().roles().stream()
                    .anyMatch(r -> r.role().equals(spec.roleName()) && r.db().equals(AdminRoleSpec.ROLE_DB))
                    ? Optional.empty()
                    : Optional.of(PlannedStep.of(db, grant, "Privilege " + spec.roleName() + " to " + spec.adminUser()));
        };
    }

    static Document createRole(AdminRoleSpec spec, Set<Privilege> grants) {
        return new Document("createRole", spec.roleName()).append("privileges", documents(grants)).append("roles", List.of());
    }

    static Document updateRole(AdminRoleSpec spec, Set<Privilege> grants) {
        return new Document("updateRole", spec.roleName()).append("privileges", documents(grants)).append("roles", List.of());
    }

    private static Document createUser(AdminRoleSpec spec) {
        return new Document("createUser", spec.adminUser()).append("roles", List.of(roleRef(spec)));
    }

    private static Document roleRef(AdminRoleSpec spec) {
        return new Document("role", spec.roleName()).append("db", AdminRoleSpec.ROLE_DB);
    }

    private static List<Document> documents(Iterable<Privilege> grants) {
        return Privilege.toDocuments(grants);
    }
}
