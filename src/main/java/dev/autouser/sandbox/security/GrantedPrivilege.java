package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A resource and the actions allowed on it, as in a role's {@code privileges} array. */
public record GrantedPrivilege(ResourcePattern resource, Set<String> actions) {

    public GrantedPrivilege {
        Objects.requireNonNull(resource, "resource");
        actions = Set.copyOf(actions);
    }

    public static GrantedPrivilege of(ResourcePattern resource, String... actions) {
        return new GrantedPrivilege(resource, Set.of(actions));
    }

    /** {@code {resource: {...}, actions: [...]}} with actions sorted, as MongoDB prints them. */
    public Document toDocument() {
        return new Document("resource", resource.toDocument())
                .append("actions", new ArrayList<>(new TreeSet<>(actions)));
    }
}
