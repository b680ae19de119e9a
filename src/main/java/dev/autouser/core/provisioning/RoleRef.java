package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A role an auto-user holds: MongoDB's in a database, written {@code role@db} in Teleport's
 * {@code db_roles}; PostgreSQL's for the whole server (roles there belong to no database), with an
 * empty {@code db}, written as the bare role name.
 */
public record RoleRef(String role, String db) implements Comparable<RoleRef> {
    /** Teleport's order: by database, then by role name. */
    public static final Comparator<RoleRef> TELEPORT_ORDER =
            Comparator.comparing(RoleRef::db).thenComparing(RoleRef::role);

    public RoleRef {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(db, "db");
    }

    /** A role of the whole server (PostgreSQL): no database, shown as its bare name. */
    public static RoleRef serverWide(String role) {
        return new RoleRef(role, "");
    }

    /** True for a PostgreSQL-style role that belongs to no database. */
    public boolean isServerWide() {
        return db.isEmpty();
    }

    /**
     * Parses {@code role@db}, splitting at the first {@code @} as Teleport does
     * ({@code strings.Cut}), so a database name may itself contain {@code @}.
     */
    public static RoleRef parse(String text) {
        String value = text == null ? "" : text.trim();
        int at = value.indexOf('@');
        if (at < 0) {
            throw new ConsoleException("Role \"" + value + "\" is not in the form role@db (for example readWrite@sales).");
        }
        String role = value.substring(0, at);
        String db = value.substring(at + 1);
        if (role.isEmpty() || db.isEmpty()) {
            throw new ConsoleException("Role \"" + value + "\" needs both a role name and a database, as in readWrite@sales.");
        }
        return new RoleRef(role, db);
    }

    /** Parses a comma-separated list ({@code r1@db1,r2@db2}), sorted in Teleport's order. */
    public static List<RoleRef> parseList(String commaSeparated) {
        List<RoleRef> roles = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                roles.add(parse(part));
            }
        }
        return sorted(roles);
    }

    public static List<RoleRef> sorted(List<RoleRef> roles) {
        if (roles.size() <= 1) {
            return List.copyOf(roles);
        }
        List<RoleRef> copy = new ArrayList<>(new java.util.LinkedHashSet<>(roles));
        copy.sort(TELEPORT_ORDER);
        return List.copyOf(copy);
    }

    /** Reads the {@code roles} array of a usersInfo user document. */
    public static List<RoleRef> fromUserDocument(Document user) {
        List<Document> documents = user.getList("roles", Document.class, List.of());
        List<RoleRef> roles = new ArrayList<>(documents.size());
        for (Document role : documents) {
            roles.add(new RoleRef(role.getString("role"), role.getString("db")));
        }
        return sorted(roles);
    }

    public Document toDocument() {
        return new Document("role", role).append("db", db);
    }

    @Override
    public int compareTo(RoleRef other) {
        return TELEPORT_ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return db.isEmpty() ? role : role + "@" + db;
    }
}
