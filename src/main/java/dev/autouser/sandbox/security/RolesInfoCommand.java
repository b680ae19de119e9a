package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code rolesInfo}: exact names (missing roles are simply absent from the reply) or {@code 1} for
 * the user-defined roles of the database, plus its built-in roles with {@code showBuiltinRoles}.
 */
final class RolesInfoCommand {

    private static final Set<String> FIELDS = Set.of("showPrivileges", "showBuiltinRoles",
            "showAuthenticationRestrictions");

    private static final String AS_USER_FRAGMENT = "asUserFragment";

    private final SecurityState state;

    RolesInfoCommand(SecurityState state) {
        this.state = state;
    }

    Document run(String db, Document body) {
        UmcArgs.requireKnownFields("rolesInfo", body, FIELDS);
        UmcArgs.Target<RoleId> target = UmcArgs.rolesInfoTarget(body.get(UmcArgs.commandName(body, "rolesInfo")), db);
        if (AS_USER_FRAGMENT.equals(body.get("showPrivileges"))) {
            return userFragment(target, UmcArgs.flag(body, "showAuthenticationRestrictions", false));
        }
        boolean showPrivileges = UmcArgs.flag(body, "showPrivileges", false);
        boolean showRestrictions = UmcArgs.flag(body, "showAuthenticationRestrictions", false);
        List<RoleId> roles = new ArrayList<>();
        if (target instanceof UmcArgs.Exact<RoleId> exact) {
            roles.addAll(exact.names());
        } else {
            // MongoDB lists the built-in roles first, then the database's own.
            if (UmcArgs.flag(body, "showBuiltinRoles", false)) {
                roles.addAll(BuiltinRoles.inDatabase(db));
            }
            state.roles().inDatabase(db).forEach(role -> roles.add(role.id()));
        }
        List<Document> described = new ArrayList<>();
        for (RoleId role : roles) {
            if (state.roles().exists(role)) {
                described.add(describe(role, showPrivileges, showRestrictions));
            }
        }
        return new Document("roles", described).append("ok", 1.0);
    }

    /**
     * {@code showPrivileges: "asUserFragment"}: the roles rendered as the part of a user document a
     * user holding exactly them would have (roles, inheritedRoles including those roles,
     * inheritedPrivileges, and with showAuthenticationRestrictions the inherited restrictions).
     */
    private Document userFragment(UmcArgs.Target<RoleId> target, boolean showRestrictions) {
        if (!(target instanceof UmcArgs.Exact<RoleId> exact)) {
            throw ServerErrors.illegalOperation("Cannot get user fragment for all roles in a database");
        }
        List<RoleId> roles = List.copyOf(exact.names());
        Document fragment = new Document("roles", UserDocuments.roles(roles))
                .append("inheritedRoles", UserDocuments.roles(List.copyOf(state.roles().closure(roles))))
                .append("inheritedPrivileges", new PrivilegeSet(state.roles().privilegesOf(roles)).toDocuments());
        if (showRestrictions) {
            fragment.append("inheritedAuthenticationRestrictions", UserDescriptions.inheritedRestrictions(state, roles));
        }
        return new Document("userFragment", fragment).append("ok", 1.0);
    }

    private Document describe(RoleId id, boolean showPrivileges, boolean showRestrictions) {
        if (BuiltinRoles.isBuiltin(id)) {
            Document doc = new Document("role", id.role()).append("db", id.db()).append("isBuiltin", true)
                    .append("roles", List.of()).append("inheritedRoles", List.of());
            if (showPrivileges) {
                List<Document> privileges = UserDocuments.privileges(BuiltinRoles.privileges(id));
                doc.append("privileges", privileges).append("inheritedPrivileges", privileges);
            }
            if (showRestrictions) {
                doc.append("authenticationRestrictions", List.of()).append("inheritedAuthenticationRestrictions",
                        List.of());
            }
            return doc;
        }
        CustomRole role = state.roles().find(id).orElseThrow();
        Document doc = new Document("_id", id.fullName()).append("role", id.role()).append("db", id.db());
        if (showPrivileges) {
            doc.append("privileges", UserDocuments.privileges(role.privileges()));
        }
        doc.append("roles", UserDocuments.roles(role.roles()));
        if (showRestrictions) {
            doc.append("authenticationRestrictions", role.restrictions().isEmpty() ? List.of()
                    : List.of(UserDocuments.restrictions(role.restrictions())));
        }
        doc.append("isBuiltin", false);
        List<RoleId> inherited = new ArrayList<>(state.roles().inheritedRoleNames(role.roles()));
        doc.append("inheritedRoles", UserDocuments.roles(inherited));
        if (showPrivileges) {
            doc.append("inheritedPrivileges",
                    new PrivilegeSet(state.roles().privilegesOf(List.of(id))).toDocuments());
        }
        if (showRestrictions) {
            doc.append("inheritedAuthenticationRestrictions",
                    UserDescriptions.inheritedRestrictions(state, List.of(id)));
        }
        return doc;
    }
}
