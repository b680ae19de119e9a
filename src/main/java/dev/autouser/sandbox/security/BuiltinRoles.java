package dev.autouser.sandbox.security;

import java.util.List;

/** MongoDB's built-in roles (work in progress: privileges being filled in). */
public final class BuiltinRoles {

    private BuiltinRoles() {
    }

    public static boolean isBuiltin(RoleId id) {
        return false;
    }

    public static List<Privilege> privileges(RoleId id) {
        return List.of();
    }
}
