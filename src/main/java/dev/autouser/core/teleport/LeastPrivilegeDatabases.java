package dev.autouser.core.teleport;

import dev.autouser.core.provisioning.RoleRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The databases least-privilege {@code grantRole} must cover, so that no session breaks: those of
 * the role mapping's allowed {@code db_roles} after template expansion (with the sample traits),
 * and those of the roles existing auto-users hold (Teleport grants them again when they return).
 * A template (e.g. {@code {{internal.db_roles}}}) expands to whatever a user's traits hold, so it can
 * name any database: then least privilege cannot be computed, and {@code grantRole} belongs on all
 * databases.
 *
 * @param databases     the databases found, sorted
 * @param openTemplates the {@code db_roles} entries that can name any database
 */
public record LeastPrivilegeDatabases(List<String> databases, List<String> openTemplates) {
    public LeastPrivilegeDatabases {
        databases = List.copyOf(databases);
        openTemplates = List.copyOf(openTemplates);
    }

    public static LeastPrivilegeDatabases derive(Collection<String> allowDbRoles, Map<String, List<String>> sampleTraits,
                                                 Collection<RoleRef> rolesHeldByAutoUsers) {
        Set<String> databases = new LinkedHashSet<>();
        List<String> open = new ArrayList<>();
        for (String entry : allowDbRoles) {
            String value = entry.strip();
            // A trait value is any text, "role@db" included, so a template can move the database anywhere.
            if (TraitTemplate.isTemplate(value)) {
                open.add(value);
            }
            for (String expanded : TraitTemplate.expand(value, sampleTraits).values()) {
                databaseOf(expanded).ifPresent(databases::add);
            }
        }
        rolesHeldByAutoUsers.forEach(role -> databases.add(role.db()));
        return new LeastPrivilegeDatabases(databases.stream().sorted().toList(), open);
    }

    /** True when every session's roles are known to come from {@link #databases()}. */
    public boolean computable() {
        return openTemplates.isEmpty() && !databases.isEmpty();
    }

    /** One sentence for the DBA: what least privilege grants on, or why it cannot be computed. */
    public String advice() {
        if (!openTemplates.isEmpty()) {
            return "Least privilege cannot be computed: " + String.join(", ", openTemplates)
                    + (openTemplates.size() == 1 ? " can" : " can each") + " name a role in any database, so grant"
                    + " grantRole on all databases.";
        }
        if (databases.isEmpty()) {
            return "No database found in the role mapping or in the roles auto-users hold: grant grantRole on all"
                    + " databases, or choose the databases by hand.";
        }
        return "grantRole on " + String.join(", ", databases) + ": the databases of the role mapping and of the"
                + " roles existing auto-users hold.";
    }

    private static java.util.Optional<String> databaseOf(String roleAtDb) {
        int at = roleAtDb.indexOf('@');
        return at > 0 && at < roleAtDb.length() - 1 ? java.util.Optional.of(roleAtDb.substring(at + 1)) : java.util.Optional.empty();
    }
}
