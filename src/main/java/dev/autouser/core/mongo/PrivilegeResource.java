package dev.autouser.core.mongo;

import org.bson.Document;

/**
 * The resource of a MongoDB privilege: the cluster, any resource, or {@code {db, collection}} where
 * an empty string means "every". {@link #covers} follows MongoDB's matching for the database-level
 * actions the console and Teleport need.
 */
public record PrivilegeResource(Kind kind, String db, String collection) {
    public enum Kind { CLUSTER, ANY_RESOURCE, DATABASE }

    public PrivilegeResource {
        db = kind == Kind.DATABASE ? db : "";
        collection = kind == Kind.DATABASE ? collection : "";
        if (db == null || collection == null) {
            throw new IllegalArgumentException("db and collection must not be null");
        }
    }

    public static PrivilegeResource cluster() {
        return new PrivilegeResource(Kind.CLUSTER, "", "");
    }

    public static PrivilegeResource anyResource() {
        return new PrivilegeResource(Kind.ANY_RESOURCE, "", "");
    }

    public static PrivilegeResource allDatabases() {
        return new PrivilegeResource(Kind.DATABASE, "", "");
    }

    public static PrivilegeResource database(String db) {
        return new PrivilegeResource(Kind.DATABASE, db, "");
    }

    /** Reads a {@code resource} sub-document of {@code rolesInfo}'s privileges. */
    public static PrivilegeResource fromDocument(Document resource) {
        if (Boolean.TRUE.equals(resource.get("cluster"))) {
            return cluster();
        }
        if (Boolean.TRUE.equals(resource.get("anyResource"))) {
            return anyResource();
        }
        return new PrivilegeResource(Kind.DATABASE, stringOrEmpty(resource.get("db")), stringOrEmpty(resource.get("collection")));
    }

    public boolean covers(PrivilegeResource other) {
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
