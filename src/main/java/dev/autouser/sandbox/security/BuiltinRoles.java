package dev.autouser.sandbox.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MongoDB's built-in roles with their documented privileges (MongoDB 7.0's built-in role table;
 * time-series {@code system.buckets} grants are left out because the sandbox has no such
 * collections). Database roles exist in every database except {@code $external}; the others exist
 * only in {@code admin}, exactly as in MongoDB.
 */
public final class BuiltinRoles {

    private static final Map<String, Definition> ROLES = BuiltinRoleTable.definitions();
    /** Resolved privileges per role and database; they never change, and root's take a while to merge. */
    private static final Map<RoleId, List<GrantedPrivilege>> RESOLVED = new java.util.concurrent.ConcurrentHashMap<>();

    private BuiltinRoles() {
    }

    /** One row of the table: admin-only or per-database, inherited built-ins, own grants. */
    record Definition(boolean adminOnly, List<RoleId> inheritsFixed, List<String> inheritsSameDb,
                      List<BuiltinGrant> grants) {
    }

    /** A grant relative to the role's database, as MongoDB's built-in role table writes it. */
    record BuiltinGrant(Scope scope, String db, String collection, Set<String> actions) {

        /** Where the grant points; {@code db}/{@code collection} fill in the blanks. */
        enum Scope { DATABASE, EXACT_NAMESPACE, COLLECTION_NAME, ANY_NORMAL, CLUSTER, ANY }

        ResourcePattern resolve(String roleDb) {
            return switch (scope) {
                case DATABASE -> ResourcePattern.database(db == null ? roleDb : db);
                case EXACT_NAMESPACE -> ResourcePattern.collection(db == null ? roleDb : db, collection);
                case COLLECTION_NAME -> ResourcePattern.collection("", collection);
                case ANY_NORMAL -> ResourcePattern.ANY_NORMAL;
                case CLUSTER -> ResourcePattern.CLUSTER;
                case ANY -> ResourcePattern.ANY_RESOURCE;
            };
        }
    }

    /** Whether {@code id} names a built-in role: right name, and a database where it exists. */
    public static boolean isBuiltin(RoleId id) {
        Definition definition = ROLES.get(id.role());
        if (definition == null || id.db().equals("$external")) {
            return false;
        }
        return !definition.adminOnly() || id.db().equals("admin");
    }

    /** Whether {@code role} is a built-in role name in any database (createRole refuses those names). */
    public static boolean isBuiltinName(String role) {
        return ROLES.containsKey(role);
    }

    /** The built-in roles that exist in {@code db} (internal {@code __} roles included, as MongoDB lists them). */
    public static List<RoleId> inDatabase(String db) {
        List<RoleId> result = new ArrayList<>();
        for (String name : ROLES.keySet()) {
            RoleId id = new RoleId(name, db);
            if (isBuiltin(id)) {
                result.add(id);
            }
        }
        return result;
    }

    /**
     * Every privilege of a built-in role, its built-in ancestors included, merged per resource as
     * {@code rolesInfo} shows them. Empty for anything that is not a built-in role.
     */
    public static List<GrantedPrivilege> privileges(RoleId id) {
        if (!isBuiltin(id)) {
            return List.of();
        }
        return RESOLVED.computeIfAbsent(id, BuiltinRoles::resolve);
    }

    private static List<GrantedPrivilege> resolve(RoleId id) {
        Map<ResourcePattern, Set<String>> merged = new LinkedHashMap<>();
        collect(id, merged, new LinkedHashSet<>());
        List<GrantedPrivilege> result = new ArrayList<>(merged.size());
        merged.forEach((resource, actions) -> result.add(new GrantedPrivilege(resource, actions)));
        return List.copyOf(result);
    }

    private static void collect(RoleId id, Map<ResourcePattern, Set<String>> merged, Set<RoleId> seen) {
        Definition definition = ROLES.get(id.role());
        if (definition == null || !seen.add(id)) {
            return;
        }
        for (BuiltinGrant grant : definition.grants()) {
            merged.computeIfAbsent(grant.resolve(id.db()), key -> new LinkedHashSet<>()).addAll(grant.actions());
        }
        for (String sameDb : definition.inheritsSameDb()) {
            collect(new RoleId(sameDb, id.db()), merged, seen);
        }
        for (RoleId other : definition.inheritsFixed()) {
            collect(other, merged, seen);
        }
    }
}
