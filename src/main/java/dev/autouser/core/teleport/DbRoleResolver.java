package dev.autouser.core.teleport;

import dev.autouser.core.provisioning.RoleRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MongoDB roles Teleport assigns for one Teleport role, computed as Teleport's access checker
 * does: allow entries expanded from traits, minus deny entries (exact strings after expansion),
 * optionally narrowed to the roles the user asked for with {@code tsh db connect --db-roles}, then
 * parsed as {@code role@db} and sorted by database, then role.
 */
public final class DbRoleResolver {
    private DbRoleResolver() {
    }

    /** The outcome: the mode, the sorted roles, and plain notes on skipped template entries. */
    public record Assignment(CreateDbUserMode mode, List<RoleRef> roles, List<String> notes) {
        public Assignment {
            roles = List.copyOf(roles);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @throws TeleportConfigException where Teleport would refuse the session: an invalid mode, a
     *         requested role the mapping does not allow, or an entry that is not {@code role@db}
     */
    public static Assignment resolve(TeleportRole role, Map<String, List<String>> traits, List<String> requestedRoles) {
        CreateDbUserMode mode = role.mode();
        List<String> notes = new ArrayList<>();
        if (!mode.provisionsUsers()) {
            notes.add("create_db_user_mode is off, so Teleport does not provision a database user with this role.");
            return new Assignment(mode, List.of(), notes);
        }
        Set<String> allowed = expandAll(role.allowDbRoles(), traits, notes);
        Set<String> denied = expandAll(role.denyDbRoles(), traits, notes);
        denied.stream().filter(allowed::contains)
                .forEach(d -> notes.add("\"" + d + "\" is removed by spec.deny.db_roles."));
        allowed.removeAll(denied);
        List<String> chosen = narrow(allowed, requestedRoles);
        List<RoleRef> roles = chosen.stream().map(DbRoleEntry::parse).sorted(RoleRef.TELEPORT_ORDER).toList();
        return new Assignment(mode, roles, notes);
    }

    static Set<String> expandAll(List<String> entries, Map<String, List<String>> traits, List<String> notes) {
        Set<String> values = new LinkedHashSet<>();
        for (String entry : entries) {
            TraitTemplate.Expansion expansion = TraitTemplate.expand(entry, traits);
            if (expansion.values().isEmpty()) {
                notes.add("\"" + entry + "\": " + expansion.explanation() + ".");
            }
            values.addAll(expansion.values());
        }
        return values;
    }

    private static List<String> narrow(Set<String> allowed, List<String> requested) {
        if (requested.isEmpty()) {
            return new ArrayList<>(allowed);
        }
        for (String wanted : requested) {
            if (!allowed.contains(wanted)) {
                throw new TeleportConfigException("access to database role \"" + wanted + "\" denied: this mapping allows only "
                        + (allowed.isEmpty() ? "no roles" : String.join(", ", allowed)) + ".");
            }
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }
}
