package dev.autouser.core.teleport.adminsetup;

import org.bson.Document;

/**
 * A MongoDB privilege resource: the cluster, any resource, or {@code {db, collection}} where an
 * empty string means "every". {@link #covers} follows MongoDB's matching for the database-level
 * actions Teleport needs.
 */
public record GrantResource(Kind kind, String db, String collection) {
    public enum Kind { CLUSTER, ANY_RESOURCE, DATABASE }

    public static final String EXTERNAL = "$external";

    public GrantResource {
        db = kind == Kind.DATABASE ? db : "";
        collection = kind == Kind.DATABASE ? collection : "";
        if (db == null || collection == null) {
            throw new IllegalArgumentException("db and collection must not be null");
        }
    }

    public static GrantResource cluster() {
        return new GrantResource(Kind.CLUSTER, "", "");
    }

    public static GrantResource allDatabases() {
        return new GrantResource(Kind.DATABASE, "", "");
    }

    public static GrantResource database(String db) {
        return new GrantResource(Kind.DATABASE, db, "");
    }

    /** Reads a {@code resource} sub-document of {@code rolesInfo}'s privileges. */
    public static GrantResource fromDocument(Document resource) {
        if (Boolean.TRUE.equals(resource.get("cluster"))) {
            return cluster();
        }
        if (Boolean.TRUE.equals(resource.get("anyResource"))) {
            return new GrantResource(Kind.ANY_RESOURCE, "", "");
        }
        return new GrantResource(Kind.DATABASE, stringOrEmpty(resource.get("db")), stringOrEmpty(resource.get("collection")));
    }

    public boolean covers(GrantResource other) {
        return switch (kind) {
            case ANY_RESOURCE -> true;
            case CLUSTER -> other.kind == Kind.CLUSTER;
            case DATABASE -> other.kind == Kind.DATABASE
                    && (db.isEmpty() || db.equals(other.db))
                    && (collection.isEmpty() || collection.equals(other.collection));
        };
    }

    public Document toDocument() {
        return switch (kind) {
            case CLUSTER -> new Document("cluster", true);
            case ANY_RESOURCE -> new Document("anyResource", true);
            case DATABASE -> new Document("db", db).append("collection", collection);
        };
    }

    /** Plain words: "the cluster", "all databases", "$external", "db1.orders". */
    public String describe() {
        return switch (kind) {
            case CLUSTER -> "the cluster";
            case ANY_RESOURCE -> "any resource";
            case DATABASE -> db.isEmpty() ? (collection.isEmpty() ? "all databases" : "collection " + collection + " in all databases")
                    : collection.isEmpty() ? db : db + "." + collection;
        };
    }

    private static String stringOrEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
