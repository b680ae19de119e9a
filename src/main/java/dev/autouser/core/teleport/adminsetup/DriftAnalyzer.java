package dev.autouser.core.teleport.adminsetup;

import dev.autouser.core.mongo.Privilege;
import dev.autouser.core.provisioning.UserCommands;
import dev.autouser.core.provisioning.RoleRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares the admin role and user on the server with an {@link AdminRoleSpec} and names every
 * difference with its consequence for Teleport. Pure: the server is read elsewhere.
 */
public final class DriftAnalyzer {
    private DriftAnalyzer() {
    }

    public static List<Finding> analyze(AdminRoleSpec spec, ExistingSetup existing) {
        List<Finding> findings = new ArrayList<>();
        roleFindings(spec, existing.role(), findings);
        userFindings(spec, existing, findings);
        return findings;
    }

    public static boolean matches(List<Finding> findings) {
        return findings.stream().noneMatch(Finding::isProblem);
    }

    private static void roleFindings(AdminRoleSpec spec, Observation<ExistingSetup.Role> observed, List<Finding> out) {
        String roleName = spec.roleName() + "@" + AdminRoleSpec.ROLE_DB;
        switch (observed.state()) {
            case UNKNOWN -> out.add(new Finding(Finding.Kind.CANNOT_READ, "cannot read role " + roleName, observed.reason()));
            case ABSENT -> out.add(new Finding(Finding.Kind.ROLE_MISSING, "role " + roleName + " does not exist",
                    "the admin user has no privileges, so every session start fails"));
            case FOUND -> compareGrants(spec, observed.value().orElseThrow(), out);
        }
    }

    private static void compareGrants(AdminRoleSpec spec, ExistingSetup.Role role, List<Finding> out) {
        Set<Privilege> required = spec.grants();
        for (Privilege needed : required) {
            if (role.grants().stream().noneMatch(g -> g.covers(needed))) {
                // Teleport's guide grants a few actions that no command of Teleport needs: a note, not a problem.
                out.add(new Finding(TeleportNeeds.isNeeded(needed) ? Finding.Kind.MISSING_ACTION : Finding.Kind.NOTE,
                        "missing " + needed.describe(), TeleportNeeds.whatFailsWithout(needed)));
            }
        }
        for (Privilege present : role.grants()) {
            if (required.contains(present)) {
                continue;
            }
            boolean optionalViewRole = "viewRole".equals(present.action()) && !spec.withViewRole();
            out.add(new Finding(optionalViewRole ? Finding.Kind.NOTE : Finding.Kind.EXTRA_ACTION,
                    (optionalViewRole ? "has optional " : "extra ") + present.describe() + extraContext(spec, present),
                    TeleportNeeds.whatExtraAllows(present)));
        }
        for (RoleRef inherited : role.inheritedRoles()) {
            out.add(new Finding(Finding.Kind.EXTRA_INHERITED_ROLE, "role inherits " + inherited,
                    "Teleport needs no inherited roles; their privileges widen what the admin can do"));
        }
    }

    private static String extraContext(AdminRoleSpec spec, Privilege present) {
        if ("grantRole".equals(present.action()) && spec.leastPrivilege()) {
            return " (least privilege needs it only on " + String.join(", ", spec.grantDbs()) + ")";
        }
        return "";
    }

    private static void userFindings(AdminRoleSpec spec, ExistingSetup existing, List<Finding> out) {
        Observation<ExistingSetup.User> observed = existing.user();
        RoleRef adminRole = new RoleRef(spec.roleName(), AdminRoleSpec.ROLE_DB);
        String user = spec.adminUser() + " in " + UserCommands.EXTERNAL;
        switch (observed.state()) {
            case UNKNOWN -> out.add(new Finding(Finding.Kind.CANNOT_READ, "cannot read user " + user, observed.reason()));
            case ABSENT -> out.add(missingUser(spec, existing, user));
            case FOUND -> {
                List<RoleRef> roles = observed.value().orElseThrow().roles();
                if (!roles.contains(adminRole)) {
                    out.add(new Finding(Finding.Kind.USER_LACKS_ROLE, user + " lacks role " + adminRole
                            + (roles.isEmpty() ? "" : " (has " + roles + ")"), "Teleport logs in as this user and can do nothing"));
                }
                roles.stream().filter(r -> !r.equals(adminRole)).forEach(r -> out.add(new Finding(Finding.Kind.NOTE,
                        user + " also holds " + r, "not needed by Teleport; --apply leaves it, revoke it with revokeRolesFromUser if unintended")));
            }
        }
    }

    private static Finding missingUser(AdminRoleSpec spec, ExistingSetup existing, String user) {
        if (!existing.sameNameElsewhere().isEmpty()) {
            ExistingSetup.User elsewhere = existing.sameNameElsewhere().get(0);
            return new Finding(Finding.Kind.WRONG_AUTH_DB, spec.adminUser() + " exists in " + elsewhere.db() + ", not in " + UserCommands.EXTERNAL,
                    "Teleport logs in with an X.509 certificate, which MongoDB looks up in $external only, so its login fails");
        }
        return new Finding(Finding.Kind.USER_MISSING, "user " + user + " does not exist",
                "Teleport cannot log in as its admin, so every session start fails");
    }
}
