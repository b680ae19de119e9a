package dev.autouser.core.mongo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console learnt on connecting: server version and topology, who it is authenticated as
 * with which roles, which operations it may perform (and the privileges it lacks for the others),
 * and on which platform the server runs.
 *
 * @param authenticatedUsers "user@db" for each authenticated user, e.g. {@code CN=dba@$external}
 * @param roles              "role@db" for each role held
 * @param missingPrivileges  for each operation, the privileges the identity lacks (empty = allowed)
 */
public record ServerFacts(ServerVersion version, Topology topology, Optional<String> replicaSetName,
                          List<String> authenticatedUsers, List<String> roles,
                          Map<Operation, List<Privilege>> missingPrivileges, HostingPlatform platform,
                          List<String> warnings) {
    public ServerFacts {
        authenticatedUsers = List.copyOf(authenticatedUsers);
        roles = List.copyOf(roles);
        EnumMap<Operation, List<Privilege>> copy = new EnumMap<>(Operation.class);
        missingPrivileges.forEach((operation, missing) -> copy.put(operation, List.copyOf(missing)));
        missingPrivileges = java.util.Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /** The first authenticated user ("CN=dba@$external"), or "(not authenticated)". */
    public String identity() {
        return authenticatedUsers.isEmpty() ? "(not authenticated)" : authenticatedUsers.get(0);
    }

    public boolean can(Operation operation) {
        return missing(operation).isEmpty();
    }

    public List<Privilege> missing(Operation operation) {
        return missingPrivileges.getOrDefault(operation, List.of());
    }

    /** "Cannot drop auto-users: missing dropUser on $external, inprog on the cluster." or empty. */
    public Optional<String> whyNot(Operation operation) {
        List<Privilege> missing = missing(operation);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Cannot " + operation.label() + ": " + identity() + " lacks "
                + String.join(", ", missing.stream().map(Privilege::describe).toList()) + ".");
    }

    public boolean autoProvisioningSupported() {
        return platform == HostingPlatform.SELF_HOSTED;
    }
}
