package dev.autouser.core.teleport;

import java.util.Optional;
import java.util.Set;

/** Which roles a MongoDB server defines, for checking db_roles entries. */
public interface RoleCatalog {
    /**
     * The names of every role in {@code db}, built-in and custom; empty when the server does not let
     * the connected user look (no {@code viewRole} on that database), so callers must not guess.
     */
    Optional<Set<String>> rolesIn(String db);

    /** Why {@link #rolesIn} could not answer, completing "cannot check that X exists in database db: ...". */
    default String whyUnknown(String db) {
        return "the connected user may not list its roles (rolesInfo needs viewRole); grant it with admin-setup --apply"
                + " --with-view-role, or connect as a user who has it.";
    }

    /** Forgets what was read, so the next check asks the server again (e.g. after it was unreachable). */
    default void forget() {
    }

    /** A catalog for when no server is connected: it never knows. */
    RoleCatalog NONE = new RoleCatalog() {
        @Override
        public Optional<Set<String>> rolesIn(String db) {
            return Optional.empty();
        }

        @Override
        public String whyUnknown(String db) {
            return "no server is connected; validate against one to check role names.";
        }
    };
}
