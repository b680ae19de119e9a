package dev.autouser.sandbox;

import dev.autouser.sandbox.security.AuthenticationRestrictions;
import dev.autouser.sandbox.security.SecurityState;
import dev.autouser.sandbox.security.StoredUser;
import dev.autouser.sandbox.security.UserId;

import java.util.Optional;

/**
 * What mongod's {@code AuthorizationSession::startRequest} does before every command: each user
 * logged in on the connection is looked up again. A user that was dropped, or dropped and
 * re-created (its {@code userId} differs from the one it logged in with: "User id from privilege
 * document does not match user id in session"), or whose own or roles' authentication
 * restrictions no longer admit this client, is removed from the connection. The TCP connection
 * stays open; its next commands run unauthenticated and fail with 13 "requires authentication".
 */
final class SessionRefresh {
    private final SecurityState security;

    SessionRefresh(SecurityState security) {
        this.security = security;
    }

    void refresh(ClientConnection connection) {
        for (UserId id : connection.users()) {
            if (!stillAdmitted(connection, id)) {
                connection.forget(id);
            }
        }
    }

    private boolean stillAdmitted(ClientConnection connection, UserId id) {
        Optional<StoredUser> current = security.acquire(id);
        if (current.isEmpty() || !connection.loginGeneration(id).equals(Optional.of(current.get().userId()))) {
            return false;
        }
        return AuthenticationRestrictions.allowsLogin(security, current.get(),
                connection.clientAddress().getAddress(), connection.serverAddress().getAddress());
    }
}
