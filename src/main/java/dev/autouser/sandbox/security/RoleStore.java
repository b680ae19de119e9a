package dev.autouser.sandbox.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * User-defined roles, keyed by (role, db) and ordered by db then name. Built-in roles are not stored:
 * {@link BuiltinRoles} answers for them, and {@link #exists} knows both. Thread-safe.
 */
public final class RoleStore {

    private final ConcurrentSkipListMap<RoleId, CustomRole> roles = new ConcurrentSkipListMap<>();

    public Optional<CustomRole> find(RoleId id) {
        return Optional.ofNullable(roles.get(id));
    }

    /** Adds or replaces a custom role (seeding). */
    public void put(CustomRole role) {
        roles.put(role.id(), role);
    }

    /** Adds a custom role unless it exists; returns whether it was added. */
    public boolean insert(CustomRole role) {
        return roles.putIfAbsent(role.id(), role) == null;
    }

    /** What a replica-set member has applied so far (roles are immutable values). */
    RoleStore copy() {
        RoleStore copy = new RoleStore();
        copy.roles.putAll(roles);
        return copy;
    }

    public boolean remove(RoleId id) {
        return roles.remove(id) != null;
    }

    /** Whether the role exists, built-in or user-defined. */
    public boolean exists(RoleId id) {
        return BuiltinRoles.isBuiltin(id) || roles.containsKey(id);
    }

    public List<CustomRole> all() {
        return List.copyOf(roles.values());
    }

    public List<CustomRole> inDatabase(String db) {
        return roles.values().stream().filter(role -> role.id().db().equals(db)).toList();
    }

    /**
     * Every role reachable from {@code start} through custom roles' {@code roles}, {@code start}
     * included, in breadth-first order without repeats. Built-in roles are leaves; unknown roles
     * (dropped since being granted) are skipped, as MongoDB ignores them.
     */
    public Set<RoleId> closure(List<RoleId> start) {
        Set<RoleId> seen = new LinkedHashSet<>();
        Deque<RoleId> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            RoleId next = queue.poll();
            if (!exists(next) || !seen.add(next)) {
                continue;
            }
            CustomRole custom = roles.get(next);
            if (custom != null) {
                queue.addAll(custom.roles());
            }
        }
        return seen;
    }

    /**
     * What MongoDB reports as {@code inheritedRoles}: {@code start} plus every role named by the
     * custom roles reachable from it, whether or not the named roles still exist.
     */
    public Set<RoleId> inheritedRoleNames(List<RoleId> start) {
        Set<RoleId> names = new LinkedHashSet<>(start);
        for (RoleId id : closure(start)) {
            CustomRole custom = roles.get(id);
            if (custom != null) {
                names.addAll(custom.roles());
            }
        }
        return names;
    }

    /** The custom roles among {@link #closure}: the ones that can carry authentication restrictions. */
    public List<CustomRole> customRolesReachableFrom(List<RoleId> start) {
        List<CustomRole> result = new ArrayList<>();
        for (RoleId id : closure(start)) {
            find(id).ifPresent(result::add);
        }
        return result;
    }

    /** Whether {@code target} can be reached from {@code from} (used to refuse inheritance cycles). */
    public boolean reaches(RoleId from, RoleId target) {
        return closure(List.of(from)).contains(target);
    }

    /** Every privilege granted by the given roles and everything they inherit. */
    public List<GrantedPrivilege> privilegesOf(List<RoleId> start) {
        List<GrantedPrivilege> result = new ArrayList<>();
        for (RoleId id : closure(start)) {
            CustomRole custom = roles.get(id);
            if (custom != null) {
                result.addAll(custom.privileges());
            } else {
                result.addAll(BuiltinRoles.privileges(id));
            }
        }
        return result;
    }
}
