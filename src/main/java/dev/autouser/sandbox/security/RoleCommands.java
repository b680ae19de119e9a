package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * createRole, updateRole, dropRole, grantPrivilegesToRole, revokePrivilegesFromRole,
 * grantRolesToRole and revokeRolesFromRole, with MongoDB's validation and errors.
 */
final class RoleCommands {

    private static final Set<String> CREATE_FIELDS = Set.of("privileges", "roles", "authenticationRestrictions");

    private final SecurityState state;

    RoleCommands(SecurityState state) {
        this.state = state;
    }

    Document createRole(String db, Document body) {
        UmcArgs.requireKnownFields("createRole", body, CREATE_FIELDS);
        String name = UmcArgs.nameArgument("createRole", body);
        if (name.isEmpty()) {
            throw ServerErrors.badValue("Role name must be non-empty");
        }
        RoleId id = new RoleId(name, db);
        if (db.equals("local")) {
            throw ServerErrors.badValue("Cannot create roles in the local database");
        }
        if (db.equals("$external")) {
            throw ServerErrors.badValue("Cannot create roles in the $external database");
        }
        if (BuiltinRoles.isBuiltin(id)) {
            throw ServerErrors.badValue("Cannot create roles with the same name as a built-in role");
        }
        List<GrantedPrivilege> privileges = PrivilegeParser.parseAll(required("createRole", body, "privileges"));
        List<RoleId> roles = UmcArgs.roles("createRole", "roles", required("createRole", body, "roles"), db);
        List<AuthenticationRestriction> restrictions = body.containsKey("authenticationRestrictions")
                ? RestrictionParser.parseAll("createRole", body.get("authenticationRestrictions")) : List.of();
        checkRolesGrantable(id, roles);
        checkPrivilegesGrantable(id, privileges);
        if (!state.roles().insert(new CustomRole(id, merge(privileges), roles, restrictions))) {
            throw ServerErrors.roleAlreadyExists(id);
        }
        return UserWriteCommands.ok();
    }

    Document updateRole(String db, Document body) {
        UmcArgs.requireKnownFields("updateRole", body, CREATE_FIELDS);
        RoleId id = new RoleId(UmcArgs.nameArgument("updateRole", body), db);
        Optional<List<GrantedPrivilege>> privileges = body.containsKey("privileges")
                ? Optional.of(PrivilegeParser.parseAll(body.get("privileges"))) : Optional.empty();
        Optional<List<RoleId>> roles = body.containsKey("roles")
                ? Optional.of(UmcArgs.roles("updateRole", "roles", body.get("roles"), db)) : Optional.empty();
        Optional<List<AuthenticationRestriction>> restrictions = body.containsKey("authenticationRestrictions")
                ? Optional.of(RestrictionParser.parseAll("updateRole", body.get("authenticationRestrictions")))
                : Optional.empty();
        if (privileges.isEmpty() && roles.isEmpty() && restrictions.isEmpty()) {
            throw ServerErrors.badValue("Must specify at least one field to update in updateRole");
        }
        CustomRole role = existingCustom(id);
        roles.ifPresent(list -> checkRolesGrantable(id, list));
        privileges.ifPresent(list -> checkPrivilegesGrantable(id, list));
        CustomRole updated = role;
        updated = privileges.map(list -> role.withPrivileges(merge(list))).orElse(updated);
        updated = roles.map(updated::withRoles).orElse(updated);
        updated = restrictions.map(updated::withRestrictions).orElse(updated);
        state.roles().put(updated);
        return UserWriteCommands.ok();
    }

    Document dropRole(String db, Document body) {
        UmcArgs.requireKnownFields("dropRole", body, Set.of());
        RoleId id = new RoleId(UmcArgs.nameArgument("dropRole", body), db);
        refuseBuiltin(id);
        existingCustom(id);
        remove(id);
        return UserWriteCommands.ok();
    }

    /** Removes every custom role of {@code db} the way dropRole removes one; {@code n} counts them. */
    Document dropAllRolesFromDatabase(String db, Document body) {
        UmcArgs.requireKnownFields("dropAllRolesFromDatabase", body, Set.of());
        List<CustomRole> roles = state.roles().inDatabase(db);
        roles.forEach(role -> remove(role.id()));
        return new Document("n", roles.size()).append("ok", 1.0);
    }

    /** MongoDB first removes the role from every user and role that holds it, then deletes it. */
    private void remove(RoleId id) {
        state.users().revokeRoleEverywhere(id);
        for (CustomRole other : state.roles().all()) {
            if (other.roles().contains(id)) {
                state.roles().put(other.withRoles(other.roles().stream().filter(r -> !r.equals(id)).toList()));
            }
        }
        state.roles().remove(id);
    }

    Document grantPrivilegesToRole(String db, Document body) {
        UmcArgs.requireKnownFields("grantPrivilegesToRole", body, Set.of("privileges"));
        RoleId id = new RoleId(UmcArgs.nameArgument("grantPrivilegesToRole", body), db);
        List<GrantedPrivilege> privileges = PrivilegeParser.parseAll(required("grantPrivilegesToRole", body, "privileges"));
        if (privileges.isEmpty()) {
            throw ServerErrors.badValue("grantPrivilegesToRole command requires a non-empty \"privileges\" array");
        }
        refuseBuiltin(id);
        checkPrivilegesGrantable(id, privileges);
        CustomRole role = roleToModify(id);
        List<GrantedPrivilege> all = new ArrayList<>(role.privileges());
        all.addAll(privileges);
        state.roles().put(role.withPrivileges(merge(all)));
        return UserWriteCommands.ok();
    }

    Document revokePrivilegesFromRole(String db, Document body) {
        UmcArgs.requireKnownFields("revokePrivilegesFromRole", body, Set.of("privileges"));
        RoleId id = new RoleId(UmcArgs.nameArgument("revokePrivilegesFromRole", body), db);
        List<GrantedPrivilege> revoked = PrivilegeParser.parseAll(required("revokePrivilegesFromRole", body, "privileges"));
        if (revoked.isEmpty()) {
            throw ServerErrors.badValue("revokePrivilegesFromRole command requires a non-empty \"privileges\" array");
        }
        refuseBuiltin(id);
        CustomRole role = roleToModify(id);
        List<GrantedPrivilege> remaining = new ArrayList<>();
        for (GrantedPrivilege privilege : role.privileges()) {
            Set<String> actions = new LinkedHashSet<>(privilege.actions());
            revoked.stream().filter(r -> r.resource().equals(privilege.resource()))
                    .forEach(r -> actions.removeAll(r.actions()));
            if (!actions.isEmpty()) {
                remaining.add(new GrantedPrivilege(privilege.resource(), actions));
            }
        }
        state.roles().put(role.withPrivileges(remaining));
        return UserWriteCommands.ok();
    }

    Document grantRolesToRole(String db, Document body) {
        UmcArgs.requireKnownFields("grantRolesToRole", body, Set.of("roles"));
        RoleId id = new RoleId(UmcArgs.nameArgument("grantRolesToRole", body), db);
        List<RoleId> added = nonEmptyRoles("grantRolesToRole", body, db);
        refuseBuiltin(id);
        checkRolesGrantable(id, added);
        CustomRole role = roleToModify(id);
        Set<RoleId> roles = new LinkedHashSet<>(role.roles());
        roles.addAll(added);
        state.roles().put(role.withRoles(new ArrayList<>(roles)));
        return UserWriteCommands.ok();
    }

    Document revokeRolesFromRole(String db, Document body) {
        UmcArgs.requireKnownFields("revokeRolesFromRole", body, Set.of("roles"));
        RoleId id = new RoleId(UmcArgs.nameArgument("revokeRolesFromRole", body), db);
        List<RoleId> removed = nonEmptyRoles("revokeRolesFromRole", body, db);
        refuseBuiltin(id);
        // MongoDB only erases the named roles from the set: a role that does not exist is no error.
        CustomRole role = roleToModify(id);
        state.roles().put(role.withRoles(role.roles().stream().filter(r -> !removed.contains(r)).toList()));
        return UserWriteCommands.ok();
    }

    /** Since MongoDB 6.0 (IDL commands) a built-in role is BadValue, no longer InvalidRoleModification. */
    private static void refuseBuiltin(RoleId id) {
        if (BuiltinRoles.isBuiltin(id)) {
            throw ServerErrors.badValue(id + " is a built-in role and cannot be modified");
        }
    }

    private static List<RoleId> nonEmptyRoles(String command, Document body, String db) {
        List<RoleId> roles = UmcArgs.roles(command, "roles", required(command, body, "roles"), db);
        if (roles.isEmpty()) {
            throw ServerErrors.badValue(command + " command requires a non-empty \"roles\" array");
        }
        return roles;
    }

    /**
     * The role a grant or revoke changes. MongoDB learns that it is missing only when the update
     * of its document matches nothing, hence another message than dropRole's and updateRole's.
     */
    private CustomRole roleToModify(RoleId id) {
        return state.roles().find(id).orElseThrow(() -> ServerErrors.roleNotFound("Role " + id + " not found"));
    }

    private CustomRole existingCustom(RoleId id) {
        return state.roles().find(id).orElseThrow(() -> ServerErrors.roleNotFound("Could not find role: " + id));
    }

    /** MongoDB's checkOkayToGrantRolesToRole: no self, same database unless admin, existing, no cycle. */
    private void checkRolesGrantable(RoleId role, List<RoleId> toAdd) {
        for (RoleId other : toAdd) {
            if (other.equals(role)) {
                throw ServerErrors.invalidRoleModification("Cannot grant role " + role + " to itself.");
            }
            if (!role.db().equals("admin") && !other.db().equals(role.db())) {
                throw ServerErrors.invalidRoleModification("Roles on the '" + role.db()
                        + "' database cannot be granted roles from other databases");
            }
        }
        for (RoleId other : toAdd) {
            if (!state.roles().exists(other)) {
                throw ServerErrors.roleNotFound("Cannot grant roles to '" + role + "': Could not find role: " + other);
            }
        }
        for (RoleId other : toAdd) {
            if (state.roles().reaches(other, role)) {
                throw ServerErrors.invalidRoleModification(
                        "Granting roles to " + role + " would introduce a cycle in the role graph");
            }
        }
    }

    /** Only roles in admin may hold privileges on other databases, on all databases or on the cluster. */
    private static void checkPrivilegesGrantable(RoleId role, List<GrantedPrivilege> privileges) {
        if (role.db().equals("admin")) {
            return;
        }
        for (GrantedPrivilege privilege : privileges) {
            if (!(privilege.resource() instanceof ResourcePattern.Namespace ns) || !ns.db().equals(role.db())) {
                throw ServerErrors.invalidRoleModification("Roles on the '" + role.db()
                        + "' database cannot be granted privileges that target other databases or the cluster");
            }
        }
    }

    /** Privileges on the same resource are stored as one entry with the union of actions. */
    private static List<GrantedPrivilege> merge(List<GrantedPrivilege> privileges) {
        Map<ResourcePattern, Set<String>> merged = new LinkedHashMap<>();
        for (GrantedPrivilege privilege : privileges) {
            merged.computeIfAbsent(privilege.resource(), key -> new LinkedHashSet<>()).addAll(privilege.actions());
        }
        List<GrantedPrivilege> result = new ArrayList<>();
        merged.forEach((resource, actions) -> result.add(new GrantedPrivilege(resource, actions)));
        return result;
    }

    private static Object required(String command, Document body, String field) {
        Object value = body.get(field);
        if (value == null) {
            throw ServerErrors.missingField(command, field);
        }
        return value;
    }
}
