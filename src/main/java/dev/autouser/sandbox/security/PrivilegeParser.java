package dev.autouser.sandbox.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses and validates the {@code privileges} array of createRole/updateRole/grantPrivilegesToRole. */
final class PrivilegeParser {

    private PrivilegeParser() {
    }

    static List<GrantedPrivilege> parseAll(Object value) {
        if (!(value instanceof List<?> list)) {
            throw ServerErrors.typeMismatch("privileges must be an array, found: " + BsonText.typeName(value));
        }
        List<GrantedPrivilege> privileges = new ArrayList<>(list.size());
        for (Object element : list) {
            privileges.add(parse(element));
        }
        return privileges;
    }

    static GrantedPrivilege parse(Object value) {
        if (!(value instanceof Map<?, ?> doc)) {
            throw ServerErrors.typeMismatch("Each privilege must be an object, found: " + BsonText.typeName(value));
        }
        for (Object key : doc.keySet()) {
            if (!"resource".equals(key) && !"actions".equals(key)) {
                throw ServerErrors.unknownField("privilege", String.valueOf(key));
            }
        }
        if (!(doc.get("resource") instanceof Map<?, ?> resource)) {
            throw ServerErrors.missingField("privilege", "resource");
        }
        return new GrantedPrivilege(resource(resource), actions(doc.get("actions")));
    }

    private static ResourcePattern resource(Map<?, ?> resource) {
        if (resource.containsKey("cluster")) {
            requireOnly(resource, "cluster", "resource: {cluster: true}");
            if (!Boolean.TRUE.equals(resource.get("cluster"))) {
                throw ServerErrors.badValue("resource: {cluster: false} must be true");
            }
            return ResourcePattern.CLUSTER;
        }
        if (resource.containsKey("anyResource")) {
            requireOnly(resource, "anyResource", "resource: {anyResource: true}");
            if (!Boolean.TRUE.equals(resource.get("anyResource"))) {
                throw ServerErrors.badValue("resource: {anyResource: false} must be true");
            }
            return ResourcePattern.ANY_RESOURCE;
        }
        if (!resource.containsKey("collection")) {
            throw ServerErrors.badValue("resource pattern must contain 'collection' or 'systemBuckets' specifier");
        }
        if (!(resource.get("db") instanceof String db)) {
            throw ServerErrors.badValue("resource {collection: '...'} must include 'db' field as well");
        }
        if (!(resource.get("collection") instanceof String collection)) {
            throw ServerErrors.typeMismatch("resource collection must be a string");
        }
        if (collection.startsWith("$") || collection.contains("\u0000")) {
            throw ServerErrors.badValue("'" + collection + "' is not a valid collection name");
        }
        return new ResourcePattern.Namespace(db, collection);
    }

    private static void requireOnly(Map<?, ?> resource, String field, String label) {
        for (Object key : resource.keySet()) {
            if (!field.equals(key)) {
                throw ServerErrors.badValue(label + " conflicts with resource type '" + key + "'");
            }
        }
    }

    private static Set<String> actions(Object value) {
        if (!(value instanceof List<?> list)) {
            throw ServerErrors.missingField("privilege", "actions");
        }
        if (list.isEmpty()) {
            throw ServerErrors.badValue("'actions' field of privilege resource must not be empty");
        }
        Set<String> actions = new LinkedHashSet<>();
        for (Object action : list) {
            if (!(action instanceof String name) || !ActionTypes.isKnown(name)) {
                throw ServerErrors.failedToParse("Unrecognized action privilege string: " + action);
            }
            actions.add(name);
        }
        return actions;
    }
}
