package dev.autouser.sandbox.security;

import java.util.Comparator;
import java.util.Objects;

/** A MongoDB user name qualified by its authentication database, e.g. {@code CN=alice} in {@code $external}. */
public record UserId(String user, String db) implements Comparable<UserId> {

    private static final Comparator<UserId> ORDER =
            Comparator.comparing(UserId::db).thenComparing(UserId::user);

    public UserId {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(db, "db");
        if (user.isEmpty()) {
            throw new IllegalArgumentException("user name must not be empty");
        }
        if (db.isEmpty()) {
            throw new IllegalArgumentException("user database must not be empty");
        }
    }

    /** The {@code _id} MongoDB gives the user document in {@code admin.system.users}: {@code db.user}. */
    public String fullName() {
        return db + "." + user;
    }

    @Override
    public int compareTo(UserId other) {
        return ORDER.compare(this, other);
    }

    /** MongoDB's own rendering in messages: {@code user@db}. */
    @Override
    public String toString() {
        return user + "@" + db;
    }
}
