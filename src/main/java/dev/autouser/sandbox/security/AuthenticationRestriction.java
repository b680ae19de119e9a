package dev.autouser.sandbox.security;

import java.net.InetAddress;
import java.util.List;

/**
 * One document of a user's or role's {@code authenticationRestrictions}. A document is satisfied when
 * every field it names is satisfied; a field is satisfied when the address lies in any of its ranges.
 * An empty list means the field is absent.
 */
public record AuthenticationRestriction(List<Cidr> clientSource, List<Cidr> serverAddress) {

    public AuthenticationRestriction {
        clientSource = List.copyOf(clientSource);
        serverAddress = List.copyOf(serverAddress);
    }

    /** Convenience for seeding: {@code clientSource(["0.0.0.0"])} is how Teleport locks a user. */
    public static AuthenticationRestriction clientSource(String... cidrs) {
        return new AuthenticationRestriction(parseAll(cidrs), List.of());
    }

    public static AuthenticationRestriction serverAddress(String... cidrs) {
        return new AuthenticationRestriction(List.of(), parseAll(cidrs));
    }

    /** Teleport's lock: a client source that no real client can have. */
    public static AuthenticationRestriction teleportLock() {
        return clientSource("0.0.0.0");
    }

    public boolean isSatisfiedBy(InetAddress client, InetAddress server) {
        return matchesAny(clientSource, client) && matchesAny(serverAddress, server);
    }

    private static boolean matchesAny(List<Cidr> ranges, InetAddress address) {
        if (ranges.isEmpty()) {
            return true;
        }
        return address != null && ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static List<Cidr> parseAll(String... cidrs) {
        return java.util.Arrays.stream(cidrs).map(Cidr::parse).toList();
    }
}
