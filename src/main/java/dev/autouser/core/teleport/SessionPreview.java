package dev.autouser.core.teleport;

import dev.autouser.core.mongo.MongoCommand;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportName;
import dev.autouser.core.provisioning.UserCommands;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Teleport would do in MongoDB when a given Teleport user starts a session with a role: the
 * MongoDB user name ({@code CN=<name>}, {@code CN=remote-<user>-<root>} for a leaf cluster), the
 * sorted roles, and the exact createUser/updateUser command, judged against the user as it exists
 * on the server now (a name taken by a user Teleport does not manage is a conflict).
 */
public final class SessionPreview {
    public static final String EXTERNAL = "$external";

    /** The preview's inputs; {@code rootCluster} is set when the database sits in a leaf cluster. */
    public record Request(String teleportUser, Optional<String> rootCluster, Map<String, List<String>> traits, List<String> requestedRoles) {
        public Request {
            if (teleportUser == null || teleportUser.isBlank()) {
                throw new TeleportConfigException("Give the Teleport user name to preview, e.g. --user alice.");
            }
            // One normalisation for every command: CN=alice names the Teleport user alice.
            teleportUser = TeleportName.teleportNameOf(teleportUser);
            traits = Map.copyOf(traits);
            requestedRoles = List.copyOf(requestedRoles);
        }

        public String teleportName() {
            return rootCluster.map(root -> "remote-" + teleportUser + "-" + root).orElse(teleportUser);
        }

        public String mongoUser() {
            return "CN=" + teleportName();
        }
    }

    /** How the MongoDB user stands today, which decides Teleport's command. */
    public enum UserState { ABSENT, AUTO_INACTIVE, AUTO_ACTIVE, NOT_MANAGED_BY_TELEPORT, UNKNOWN }

    /**
     * One preview with one verdict: {@code outcome} is the single sentence of what happens, and
     * {@code teleportRefuses} is true when the session fails (a conflict, changed roles of a connected
     * user, or a command MongoDB refuses).
     */
    public record Result(String mongoUser, CreateDbUserMode mode, List<RoleRef> roles, UserState state,
                         Optional<Document> command, String outcome, boolean teleportRefuses, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }

        public Optional<String> commandText() {
            return command.map(c -> MongoCommand.of(EXTERNAL, c, "start a Teleport session as " + mongoUser).scriptText());
        }

        /** The same preview, with MongoDB refusing its command: the one verdict is then the refusal. */
        public Result refusedByServer(String why) {
            String name = command.map(c -> c.keySet().iterator().next()).orElse("command");
            return new Result(mongoUser, mode, roles, state, command,
                    "MongoDB refuses Teleport's " + name + ": " + why + ", so the session fails.", true, notes);
        }
    }

    private SessionPreview() {
    }

    /** Teleport's createUser for a first session (core's command builder, so both agree). */
    public static Document createUser(String mongoUser, List<RoleRef> roles) {
        return UserCommands.createUser(mongoUser, RoleRef.sorted(roles));
    }

    /** Teleport's updateUser that reactivates (and unlocks) a returning user. */
    public static Document updateUser(String mongoUser, List<RoleRef> roles) {
        return UserCommands.activate(mongoUser, RoleRef.sorted(roles));
    }

    /**
     * @param existingRoles the user's roles today (empty if absent); {@code state} from the server
     */
    public static Result judge(TeleportRole role, Request request, UserState state, List<RoleRef> existingRoles) {
        DbRoleResolver.Assignment assignment = DbRoleResolver.resolve(role, request.traits(), request.requestedRoles());
        List<String> notes = new ArrayList<>(assignment.notes());
        String user = request.mongoUser();
        List<RoleRef> roles = assignment.roles();
        if (!assignment.mode().provisionsUsers()) {
            return new Result(user, assignment.mode(), roles, state, Optional.empty(), "Teleport does not provision users with this role.", false, notes);
        }
        return switch (state) {
            case ABSENT -> new Result(user, assignment.mode(), roles, state, Optional.of(createUser(user, roles)),
                    "Teleport creates the user.", false, notes);
            case UNKNOWN -> new Result(user, assignment.mode(), roles, state, Optional.of(createUser(user, roles)),
                    "Teleport creates the user if it does not exist (the server did not let us look), otherwise updates it.", false, notes);
            case AUTO_INACTIVE -> new Result(user, assignment.mode(), roles, state, Optional.of(updateUser(user, roles)),
                    "Teleport reactivates the user with these roles (this also unlocks it).", false, notes);
            case AUTO_ACTIVE -> activeOutcome(user, assignment, roles, existingRoles, notes);
            case NOT_MANAGED_BY_TELEPORT -> new Result(user, assignment.mode(), roles, state, Optional.empty(),
                    "Conflict: user \"" + user + "\" already exists in this MongoDB database and is not managed by Teleport, so the session fails.", true, notes);
        };
    }

    private static Result activeOutcome(String user, DbRoleResolver.Assignment a, List<RoleRef> roles, List<RoleRef> existing, List<String> notes) {
        boolean same = existing.stream().sorted(RoleRef.TELEPORT_ORDER).toList().equals(roles);
        String outcome = same ? "The user is connected with the same roles: Teleport changes nothing."
                : "roles for user \"" + user + "\" has changed. Please quit all active connections and try again (Teleport refuses the session).";
        return new Result(user, a.mode(), roles, UserState.AUTO_ACTIVE, Optional.empty(), outcome, !same, notes);
    }
}
