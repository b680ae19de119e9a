package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code connectionStatus}: who is logged in on this connection, their roles (inherited ones
 * included) and, with {@code showPrivileges}, their merged privileges.
 */
final class ConnectionStatusCommand {

    private final SecurityState state;

    ConnectionStatusCommand(SecurityState state) {
        this.state = state;
    }

    Document run(Document body, List<UserId> authenticated) {
        UmcArgs.requireKnownFields("connectionStatus", body, Set.of("showPrivileges"));
        AuthzSession session = AuthzSession.resolve(state, authenticated);
        List<Document> users = new ArrayList<>();
        for (UserId id : authenticated) {
            users.add(new Document("user", id.user()).append("db", id.db()));
        }
        // MongoDB lists the users' roles with everything they inherit, not just the granted ones.
        List<RoleId> roles = List.copyOf(state.roles().inheritedRoleNames(List.copyOf(session.directRoles())));
        Document authInfo = new Document("authenticatedUsers", users)
                .append("authenticatedUserRoles", UserDocuments.roles(roles));
        if (UmcArgs.flag(body, "showPrivileges", false)) {
            authInfo.append("authenticatedUserPrivileges", session.privileges().toDocuments());
        }
        return new Document("authInfo", authInfo).append("ok", 1.0);
    }
}
