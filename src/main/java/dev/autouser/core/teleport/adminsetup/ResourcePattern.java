package dev.autouser.core.teleport.adminsetup;

import org.bson.Document;

/**
 * A MongoDB privilege resource: the cluster, any resource, or {@code {db, collection}} where an
 * empty string means "every". {@link #covers} follows MongoDB's matching for the database-level
 * actions Teleport needs.
 */
public record ResourcePattern(Kind kind, String db, String collection) {
    public enum Kind { CLUSTER, ANY_RESOURCE, DATABASE }

    public static final String EXTERNAL = "$external";

    public ResourcePattern {
        db = kind == Kind.DATABASE ? db : "";
        collection = kind == Kind.DATABASE ? collection : "";
        if (db == null || collection == null) {
            throw new IllegalArgumentException("db and collection must not be null");
        }
    }

    public static ResourcePattern cluster() {
        return new ResourcePattern(Kind.CLUSTER, "", "");
    }

    public static ResourcePattern allDatabases() {
        return new ResourcePattern(Kind.DATABASE, "", "");
    }

    public static ResourcePattern database(String db) {
        return new ResourcePattern(Kind.DATABASE, db, "");
    }

    /** Reads a {@code resource} sub-document of {@code rolesInfo}'s privileges. */
    public static ResourcePattern fromDocument(Document resource) {
        if (Boolean.TRUE.equals(resource.get("cluster"))) {
            return cluster();
        }
        if (Boolean.TRUE.equals(resource.get("anyResource"))) {
            return new ResourcePattern(Kind.ANY_RESOURCE, "", "");
        }
        return new ResourcePattern(Kind.DATABASE, stringOrEmpty(resource.get("db")), stringOrEmpty(resource.get("collection")));
    }

    public boolean covers(ResourcePattern other) {
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
