package dev.autouser.core.teleport;

import dev.autouser.core.mongo.MongoErrors;
import dev.autouser.core.mongo.CommandRunner;
import dev.autouser.core.ConsoleException;
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

    /**
     * The preview with one verdict: when Teleport's command would grant a role the server does not
     * have, MongoDB refuses the command (31 RoleNotFound), and that is the verdict.
     */
    public SessionPreview.Result preview(TeleportRole role, SessionPreview.Request request) {
        SessionPreview.Result result = judgeCurrentState(role, request);
        if (result.command().isEmpty() || result.teleportRefuses()) {
            return result;
        }
        ServerRoleCatalog catalog = new ServerRoleCatalog(server);
        List<String> missing = new java.util.ArrayList<>();
        for (RoleRef assigned : result.roles()) {
            catalog.rolesIn(assigned.db()).filter(known -> !known.contains(assigned.role()))
                    .ifPresent(known -> missing.add(assigned.toString()));
        }
        if (missing.isEmpty()) {
            return result;
        }
        return result.refusedByServer((missing.size() == 1 ? "role " : "roles ") + String.join(", ", missing)
                + (missing.size() == 1 ? " does" : " do") + " not exist (31 RoleNotFound)");
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
        } catch (ConsoleException e) {
            if (!MongoErrors.isUnauthorized(e)) {
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
        } catch (ConsoleException e) {
            if (!MongoErrors.isUnauthorized(e)) {
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
