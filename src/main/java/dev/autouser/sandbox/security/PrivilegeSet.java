package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The privileges of a connection's users, merged per resource pattern, with MongoDB's matching
 * rules: a requested resource is covered by {@code anyResource}, by the patterns that can contain
 * it, and by itself. {@code db: ""} (any normal resource) never covers the {@code local} and
 * {@code config} databases, and neither it nor a database pattern covers {@code system.*} collections.
 */
public final class PrivilegeSet {

    private static final String ANY_ACTION = "anyAction";

    private final Map<ResourcePattern, Set<String>> actionsByResource = new LinkedHashMap<>();

    public PrivilegeSet(Collection<GrantedPrivilege> privileges) {
        for (GrantedPrivilege privilege : privileges) {
            actionsByResource.computeIfAbsent(privilege.resource(), key -> new LinkedHashSet<>())
                    .addAll(privilege.actions());
        }
    }

    /** Whether {@code action} is allowed on {@code target} (a cluster, database, namespace or "any normal"). */
    public boolean allows(ResourcePattern target, String action) {
        for (ResourcePattern candidate : searchList(target)) {
            Set<String> actions = actionsByResource.get(candidate);
            if (actions != null && (actions.contains(action) || actions.contains(ANY_ACTION))) {
                return true;
            }
        }
        return false;
    }

    public boolean allowsOnDatabase(String db, String action) {
        return allows(ResourcePattern.database(db), action);
    }

    public boolean allowsOnCollection(String db, String collection, String action) {
        return allows(ResourcePattern.collection(db, collection), action);
    }

    public boolean allowsOnCluster(String action) {
        return allows(ResourcePattern.CLUSTER, action);
    }

    /**
     * Whether the users hold any privilege that touches {@code db}: what MongoDB's
     * {@code listDatabases} with {@code authorizedDatabases} uses to decide what to list.
     */
    public boolean touchesDatabase(String db) {
        for (Map.Entry<ResourcePattern, Set<String>> entry : actionsByResource.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            ResourcePattern resource = entry.getKey();
            if (resource instanceof ResourcePattern.AnyResource) {
                return true;
            }
            if (resource instanceof ResourcePattern.Namespace ns && touches(ns, db)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether any action is allowed on {@code db.collection}: what {@code listCollections} with
     * {@code authorizedCollections: true, nameOnly: true} uses to decide what to list.
     */
    public boolean touchesCollection(String db, String collection) {
        for (ResourcePattern candidate : searchList(ResourcePattern.collection(db, collection))) {
            Set<String> actions = actionsByResource.get(candidate);
            if (actions != null && !actions.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * MongoDB's isAuthorizedForAnyActionOnAnyResourceInDB: the database itself, an exact namespace
     * in it, any collection-name pattern (it could exist in any database), or "any normal
     * resource" unless the database is local or config.
     */
    private static boolean touches(ResourcePattern.Namespace ns, String db) {
        if (ns.db().isEmpty()) {
            return !ns.collection().isEmpty() || !isSpecialDatabase(db);
        }
        return ns.db().equals(db);
    }

    /** The merged privileges as {@code connectionStatus}/{@code usersInfo} print them. */
    public List<Document> toDocuments() {
        List<Document> docs = new ArrayList<>();
        actionsByResource.forEach((resource, actions) -> docs.add(new GrantedPrivilege(resource, actions).toDocument()));
        return docs;
    }

    public List<GrantedPrivilege> privileges() {
        List<GrantedPrivilege> result = new ArrayList<>();
        actionsByResource.forEach((resource, actions) -> result.add(new GrantedPrivilege(resource, actions)));
        return result;
    }

    /** MongoDB's {@code buildResourceSearchList}: the patterns that can grant an action on {@code target}. */
    static List<ResourcePattern> searchList(ResourcePattern target) {
        List<ResourcePattern> list = new ArrayList<>(5);
        list.add(ResourcePattern.ANY_RESOURCE);
        if (target instanceof ResourcePattern.Namespace ns && !ns.db().isEmpty()) {
            if (ns.collection().isEmpty()) {
                if (!isSpecialDatabase(ns.db())) {
                    list.add(ResourcePattern.ANY_NORMAL);
                }
            } else {
                if (isNormalCollection(ns.db(), ns.collection())) {
                    if (!isSpecialDatabase(ns.db())) {
                        list.add(ResourcePattern.ANY_NORMAL);
                    }
                    list.add(ResourcePattern.database(ns.db()));
                }
                list.add(ResourcePattern.collection("", ns.collection()));
            }
        }
        list.add(target);
        return list;
    }

    private static boolean isSpecialDatabase(String db) {
        return db.equals("local") || db.equals("config");
    }

    private static boolean isNormalCollection(String db, String collection) {
        return !collection.startsWith("system.") && !(db.equals("local") && collection.startsWith("replset."));
    }
}
