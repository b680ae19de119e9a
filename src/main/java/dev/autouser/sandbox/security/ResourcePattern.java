package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The resource of a privilege: {@code {cluster: true}}, {@code {anyResource: true}} or
 * {@code {db, collection}} where an empty string is a wildcard (MongoDB's "normal" resources:
 * {@code db: ""} never covers {@code local}/{@code config}, {@code collection: ""} never covers
 * {@code system.*} collections).
 */
public sealed interface ResourcePattern {

    Document toDocument();

    /** {@code {cluster: true}}. */
    record Cluster() implements ResourcePattern {
        @Override
        public Document toDocument() {
            return new Document("cluster", true);
        }
    }

    /** {@code {anyResource: true}}: everything, system collections included. */
    record AnyResource() implements ResourcePattern {
        @Override
        public Document toDocument() {
            return new Document("anyResource", true);
        }
    }

    /** {@code {db, collection}} with {@code ""} as a wildcard in either place. */
    record Namespace(String db, String collection) implements ResourcePattern {
        public Namespace {
            java.util.Objects.requireNonNull(db, "db");
            java.util.Objects.requireNonNull(collection, "collection");
        }

        @Override
        public Document toDocument() {
            return new Document("db", db).append("collection", collection);
        }
    }

    ResourcePattern CLUSTER = new Cluster();
    ResourcePattern ANY_RESOURCE = new AnyResource();
    /** {@code {db: "", collection: ""}}: every non-system collection of every normal database. */
    ResourcePattern ANY_NORMAL = new Namespace("", "");

    static ResourcePattern database(String db) {
        return new Namespace(db, "");
    }

    static ResourcePattern collection(String db, String collection) {
        return new Namespace(db, collection);
    }
}
