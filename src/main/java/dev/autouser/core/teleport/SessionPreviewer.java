package dev.autouser.core.teleport;

import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.mongo.CommandRefusedException;
import dev.autouser.core.provisioning.RoleRef;
import org.bson.Document;

import java.util.List;

/**
 * Reads the previewed user's current state the way Teleport does at session start ({@code usersInfo}
 * on $external, then {@code currentOp} filtered on the user) and lets {@link SessionPreview} judge it.
 * Two round trips, whatever the number of roles.
 */
public final class SessionPreviewer {
    private final CommandRunner server;

    public SessionPreviewer(CommandRunner server) {
        this.server = server;
    }

    /** The preview, with a note for every assigned role the server does not have (createUser would fail). */
    public SessionPreview.Result preview(TeleportRole role, SessionPreview.Request request) {
        SessionPreview.Result result = judgeCurrentState(role, request);
        ServerRoleCatalog catalog = new ServerRoleCatalog(server);
        List<String> notes = new java.util.ArrayList<>(result.notes());
        for (RoleRef assigned : result.roles()) {
            catalog.rolesIn(assigned.db()).filter(known -> !known.contains(assigned.role())).ifPresent(known -> notes.add(
                    "role " + assigned + " does not exist on the server, so MongoDB refuses Teleport's command (RoleNotFound)."));
        }
        return new SessionPreview.Result(result.mongoUser(), result.mode(), result.roles(), result.state(), result.command(),
                result.outcome(), notes);
    }

    private SessionPreview.Result judgeCurrentState(TeleportRole role, SessionPreview.Request request) {
        String user = request.mongoUser();
        Document found;
        try {
            List<Document> users = server.run(SessionPreview.EXTERNAL,
                    new Document("usersInfo", new Document("user", user).append("db", SessionPreview.EXTERNAL)).append("showCustomData", true))
                    .getList("users", Document.class, List.of());
            if (users.isEmpty()) {
                return SessionPreview.judge(role, request, SessionPreview.UserState.ABSENT, List.of());
            }
            found = users.get(0);
        } catch (CommandRefusedException e) {
            if (!e.isUnauthorized()) {
                throw e;
            }
            return SessionPreview.judge(role, request, SessionPreview.UserState.UNKNOWN, List.of());
        }
        List<RoleRef> roles = found.getList("roles", Document.class, List.of()).stream()
                .map(r -> new RoleRef(r.getString("role"), r.getString("db"))).toList();
        Document customData = found.get("customData", Document.class);
        if (customData == null || !Boolean.TRUE.equals(customData.get("teleport-auto-user"))) {
            return SessionPreview.judge(role, request, SessionPreview.UserState.NOT_MANAGED_BY_TELEPORT, roles);
        }
        try {
            SessionPreview.UserState state = isActive(user) ? SessionPreview.UserState.AUTO_ACTIVE : SessionPreview.UserState.AUTO_INACTIVE;
            return SessionPreview.judge(role, request, state, roles);
        } catch (CommandRefusedException e) {
            if (!e.isUnauthorized()) {
                throw e;
            }
            // Without inprog we cannot tell whether the user is connected, so we do not guess.
            return SessionPreview.judge(role, request, SessionPreview.UserState.UNKNOWN, roles);
        }
    }

    private boolean isActive(String user) {
        Document command = new Document("currentOp", true).append("$ownOps", false).append("$all", true)
                .append("effectiveUsers", new Document("$elemMatch", new Document("user", user).append("db", SessionPreview.EXTERNAL)));
        return !server.run("admin", command).getList("inprog", Object.class, List.of()).isEmpty();
    }
}
