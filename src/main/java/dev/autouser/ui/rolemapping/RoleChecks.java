package dev.autouser.ui.rolemapping;

import dev.autouser.core.teleport.RoleCatalog;
import dev.autouser.core.teleport.RoleMappingValidator;
import dev.autouser.core.teleport.RoleProblem;
import dev.autouser.core.teleport.TeleportRole;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** How the connected engine checks the edited role's database fields against its server. */
public interface RoleChecks {
    /**
     * Called on the FX thread with the role as edited: copies what the check needs and returns the
     * work that asks the server, which runs in the background.
     */
    Supplier<List<RoleProblem>> prepare(TeleportRole role, Map<String, List<String>> traits);

    /** Forgets what was read, so the next check asks the server again (e.g. after it was unreachable). */
    default void forget() {
    }

    /** Teleport's admin the roles are checked for, when the engine's check depends on it (PostgreSQL 16+). */
    default Optional<StringProperty> admin() {
        return Optional.empty();
    }

    /** MongoDB: every entry is role@db, looked up with rolesInfo through the catalog. */
    static RoleChecks mongo(RoleCatalog catalog) {
        return new RoleChecks() {
            @Override
            public Supplier<List<RoleProblem>> prepare(TeleportRole role, Map<String, List<String>> traits) {
                return () -> RoleMappingValidator.validate(role, traits, catalog);
            }

            @Override
            public void forget() {
                catalog.forget();
            }
        };
    }
}
