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

    /** A catalog for when no server is connected: it never knows. */
    RoleCatalog NONE = db -> Optional.empty();
}
