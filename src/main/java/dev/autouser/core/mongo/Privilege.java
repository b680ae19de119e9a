package dev.autouser.core.mongo;

import dev.autouser.core.ServerCommand;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One action on one resource: the unit in which the console says what a command needs
 * ({@link RequiredPrivileges}, {@link Operation}), what the connected identity holds
 * ({@link #grantedBy}) and how Teleport's admin role drifts from what it needs (admin setup).
 * MongoDB writes privileges grouped, {@code {resource, actions: [...]}}; {@link #toDocuments} and
 * {@link #fromDocuments} convert.
 */
public record Privilege(String action, PrivilegeResource resource) implements ServerCommand.RequiredPrivilege {
    public Privilege {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }

    public static Privilege onCluster(String action) {
        return new Privilege(action, PrivilegeResource.cluster());
    }

    public static Privilege onDatabase(String action, String db) {
        return new Privilege(action, PrivilegeResource.database(Objects.requireNonNull(db, "db")));
    }

    /** {@code {db: "", collection: ""}}: e.g. {@code revokeRole}, which updateUser with a new roles array needs. */
    public static Privilege onEveryDatabase(String action) {
        return new Privilege(action, PrivilegeResource.allDatabases());
    }

    /** "dropUser on $external", "inprog on the cluster", "revokeRole on all databases". */
    @Override
    public String describe() {
        return action + " on " + resource.describe();
    }

    /** True when holding this privilege is holding {@code other}: the same action on a resource that covers it. */
    public boolean covers(Privilege other) {
        return action.equals(other.action) && resource.covers(other.resource);
    }

    /**
     * Whether a privilege document from {@code connectionStatus} ({@code {resource, actions}})
     * grants this privilege, following MongoDB's resource matching: {@code anyResource} covers all,
     * {@code {db: "", collection: ""}} covers every database, {@code {db: X, collection: ""}} covers
     * X; {@code anyAction} covers every action.
     */
    public boolean grantedBy(Document granted) {
        List<?> actions = granted.getList("actions", Object.class, List.of());
        Document grantedResource = granted.get("resource", Document.class);
        return grantedResource != null && (actions.contains(action) || actions.contains("anyAction"))
                && PrivilegeResource.fromDocument(grantedResource).covers(resource);
    }

    /** As a role's {@code privileges} array: one {@code {resource, actions}} per resource, in first-seen order. */
    public static List<Document> toDocuments(Iterable<Privilege> privileges) {
        Map<PrivilegeResource, Set<String>> byResource = new LinkedHashMap<>();
        for (Privilege privilege : privileges) {
            byResource.computeIfAbsent(privilege.resource(), r -> new LinkedHashSet<>()).add(privilege.action());
        }
        List<Document> documents = new ArrayList<>();
        byResource.forEach((resource, actions) -> documents.add(
                new Document("resource", resource.toDocument()).append("actions", new ArrayList<>(actions))));
        return documents;
    }

    /** Reads a {@code privileges} (or {@code inheritedPrivileges}) array: one privilege per action. */
    public static Set<Privilege> fromDocuments(List<Document> documents) {
        Set<Privilege> privileges = new LinkedHashSet<>();
        for (Document document : documents) {
            PrivilegeResource resource = PrivilegeResource.fromDocument(document.get("resource", Document.class));
            for (Object action : document.getList("actions", Object.class, List.of())) {
                privileges.add(new Privilege(action.toString(), resource));
            }
        }
        return privileges;
    }
}
