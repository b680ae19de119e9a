package dev.autouser.sandbox.security;

import java.net.InetAddress;
import java.util.List;

/**
 * MongoDB's evaluation of {@code authenticationRestrictions} at login. A list of restriction
 * documents allows the login when it is empty or when at least one document is fully satisfied.
 * A user's own list and the list of every role it holds (directly or inherited) must all allow it.
 */
public final class AuthenticationRestrictions {

    private AuthenticationRestrictions() {
    }

    public static boolean allows(List<AuthenticationRestriction> restrictions, InetAddress client,
                                 InetAddress server) {
        return restrictions.isEmpty()
                || restrictions.stream().anyMatch(doc -> doc.isSatisfiedBy(client, server));
    }

    /** The full login check: the user's own restrictions and those of all its roles, transitively. */
    public static boolean allowsLogin(SecurityState state, StoredUser user, InetAddress client,
                                      InetAddress server) {
        if (!allows(user.restrictions(), client, server)) {
            return false;
        }
        for (CustomRole role : state.roles().customRolesReachableFrom(user.roles())) {
            if (!allows(role.restrictions(), client, server)) {
                return false;
            }
        }
        return true;
    }
}
