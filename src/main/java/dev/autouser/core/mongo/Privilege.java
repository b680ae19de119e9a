package dev.autouser.core.mongo;

import dev.autouser.core.ServerCommand;
import org.bson.Document;

import java.util.List;
import java.util.Objects;

/**
 * One MongoDB privilege an operation needs: an action on the cluster, on one database, or on
 * every database (e.g. {@code revokeRole}, which {@code updateUser} with a new roles array needs).
 */
public record Privilege(String action, Scope scope, String db) implements ServerCommand.RequiredPrivilege {
    public enum Scope { CLUSTER, DATABASE, EVERY_DATABASE }

    public Privilege {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(scope, "scope");
        db = scope == Scope.DATABASE ? Objects.requireNonNull(db, "db") : "";
    }

    public static Privilege onCluster(String action) {
        return new Privilege(action, Scope.CLUSTER, "");
    }

    public static Privilege onDatabase(String action, String db) {
        return new Privilege(action, Scope.DATABASE, db);
    }

    public static Privilege onEveryDatabase(String action) {
        return new Privilege(action, Scope.EVERY_DATABASE, "");
    }

    /** "dropUser on $external", "inprog on the cluster", "revokeRole on every database". */
    @Override
    public String describe() {
        return action + " on " + describeResource();
    }

    /** "the cluster", "$external", "every database". */
    public String describeResource() {
        return switch (scope) {
            case CLUSTER -> "the cluster";
            case DATABASE -> db;
            case EVERY_DATABASE -> "every database";
        };
    }

    /**
     * Whether a privilege document from {@code connectionStatus} ({@code {resource, actions}})
     * grants this privilege, following MongoDB's resource matching: {@code anyResource} covers all,
     * {@code {db: "", collection: ""}} covers every database, {@code {db: X, collection: ""}} covers X.
     */
    public boolean grantedBy(Document granted) {
        List<?> actions = granted.getList("actions", Object.class, List.of());
        if (!actions.contains(action) && !actions.contains("anyAction")) {
            return false;
        }
        Document resource = granted.get("resource", Document.class);
        if (resource == null) {
            return false;
        }
        if (Boolean.TRUE.equals(resource.get("anyResource"))) {
            return true;
        }
        if (scope == Scope.CLUSTER) {
            return Boolean.TRUE.equals(resource.get("cluster"));
        }
        String resourceDb = resource.get("db") instanceof String s ? s : null;
        String collection = resource.get("collection") instanceof String s ? s : null;
        if (resourceDb == null || !"".equals(collection)) {
            return false;
        }
        return resourceDb.isEmpty() || (scope == Scope.DATABASE && resourceDb.equals(db));
    }
}
