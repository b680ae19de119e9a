package dev.autouser.sandbox.security;

import java.util.Comparator;
import java.util.Objects;

/** A MongoDB role name qualified by the database that defines it, e.g. {@code readWrite} in {@code db1}. */
public record RoleId(String role, String db) implements Comparable<RoleId> {

    private static final Comparator<RoleId> ORDER =
            Comparator.comparing(RoleId::db).thenComparing(RoleId::role);

    public RoleId {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(db, "db");
        if (role.isEmpty()) {
            throw new IllegalArgumentException("role name must not be empty");
        }
        if (db.isEmpty()) {
            throw new IllegalArgumentException("role database must not be empty");
        }
    }

    public static RoleId of(String role, String db) {
        return new RoleId(role, db);
    }

    /** The {@code _id} MongoDB gives the role document in {@code admin.system.roles}: {@code db.role}. */
    public String fullName() {
        return db + "." + role;
    }

    @Override
    public int compareTo(RoleId other) {
        return ORDER.compare(this, other);
    }

    /** MongoDB's own rendering in messages: {@code role@db}. */
    @Override
    public String toString() {
        return role + "@" + db;
    }
}
