package dev.autouser.core.teleport.adminsetup;

import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A privilege as MongoDB writes it: one resource and its actions. */
public record RolePrivilege(GrantResource resource, List<String> actions) {
    public RolePrivilege {
        actions = List.copyOf(actions);
    }

    public Document toDocument() {
        return new Document("resource", resource.toDocument()).append("actions", actions);
    }

    /** Groups grants by resource, keeping first-seen order of resources and actions. */
    public static List<RolePrivilege> group(Iterable<Grant> grants) {
        Map<GrantResource, Set<String>> byResource = new LinkedHashMap<>();
        for (Grant grant : grants) {
            byResource.computeIfAbsent(grant.resource(), r -> new LinkedHashSet<>()).add(grant.action());
        }
        List<RolePrivilege> privileges = new ArrayList<>();
        byResource.forEach((resource, actions) -> privileges.add(new RolePrivilege(resource, new ArrayList<>(actions))));
        return privileges;
    }

    /** Reads rolesInfo's {@code privileges} or {@code inheritedPrivileges} array into grants. */
    public static Set<Grant> grantsOf(List<Document> privileges) {
        Set<Grant> grants = new LinkedHashSet<>();
        for (Document privilege : privileges) {
            GrantResource resource = GrantResource.fromDocument(privilege.get("resource", Document.class));
            for (Object action : privilege.getList("actions", Object.class, List.of())) {
                grants.add(new Grant(resource, action.toString()));
            }
        }
        return grants;
    }
}
