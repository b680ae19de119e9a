package dev.autouser.core.provisioning;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.audit.Refusals;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.MongoErrors;
import dev.autouser.core.mongo.MongoCommand;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * What Teleport's Database Service does at session start and end (lib/srv/db/mongodb/autousers.go),
 * step for step and with its messages, so a DBA can reproduce or repair it by hand. One deliberate
 * difference, from the console's safety rules: deactivate and delete refuse a user that Teleport
 * does not manage, where Teleport would change it.
 */
public final class TeleportProvisioner {
    /** What a call did. */
    public enum Outcome {
        CREATED("created"), UPDATED("activated"), UNCHANGED_ACTIVE("already active with the same roles: nothing to do"),
        SKIPPED_ACTIVE("has active connections: skipped"), LOCKED("deactivated (roles removed, locked)"),
        DROPPED("dropped");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Teleport skips a connected user at session end; the console records that as a refusal too. */
    private static final String ACTIVE = "has active connections: skipped, as Teleport does";

    private final MongoGateway gateway;
    private final AuditLog auditLog;
    private final AuditTrail audit;

    public TeleportProvisioner(MongoGateway gateway, AuditLog audit) {
        this.gateway = gateway;
        this.auditLog = audit;
        this.audit = new AuditTrail(audit, gateway.server(), gateway.identity());
    }

    /**
     * The same provisioner whose audit records say that they were a simulation, not Teleport: one
     * run, every record marked {@link Mark#SIMULATION}.
     */
    public TeleportProvisioner forSimulation() {
        return new TeleportProvisioner(gateway, auditLog.inRun("simulate a Teleport session").marked(Mark.SIMULATION));
    }

    /** The identity the commands run as ({@code CN=teleport-admin@$external}, {@code CN=dba@$external}). */
    public String identity() {
        return gateway.identity();
    }

    /** Session start: create, refuse, keep or re-enable the user with {@code roles}. */
    public Outcome activate(String teleportUser, List<RoleRef> roles) {
        audit.checkWritable();
        String name = TeleportName.mongoNameOf(teleportUser);
        String quoted = quoted(teleportUser);
        List<RoleRef> wanted = RoleRef.sorted(roles);
        Optional<Document> user = findUser(name);
        if (user.isEmpty()) {
            return change(name, external(UserCommands.createUser(name, wanted), "activate " + name), Outcome.CREATED);
        }
        if (!UserRecords.isAutoUser(user.get())) {
            throw refuse(name, "activate", "user " + quoted
                    + " already exists in this MongoDB database and is not managed by Teleport");
        }
        if (isActive(name)) {
            if (!RoleRef.fromUserDocument(user.get()).equals(wanted)) {
                throw refuse(name, "activate", "roles for user " + quoted
                        + " has changed. Please quit all active connections and try again.");
            }
            return Outcome.UNCHANGED_ACTIVE;
        }
        return change(name, external(UserCommands.activate(name, wanted), "activate " + name), Outcome.UPDATED);
    }

    /** Session end in {@code keep} mode: strip roles and lock, unless the user is still connected. */
    public Outcome deactivate(String teleportUser) {
        String name = requireAutoUser(teleportUser, "deactivate");
        if (isActive(name)) {
            auditRefusal(name, "deactivate", ACTIVE);
            return Outcome.SKIPPED_ACTIVE;
        }
        return change(name, external(UserCommands.lock(name), "deactivate " + name), Outcome.LOCKED);
    }

    /** Session end in {@code best_effort_drop} mode: drop, unless the user is still connected. */
    public Outcome delete(String teleportUser) {
        String name = requireAutoUser(teleportUser, "delete");
        if (isActive(name)) {
            auditRefusal(name, "delete", ACTIVE);
            return Outcome.SKIPPED_ACTIVE;
        }
        return change(name, UserCommands.dropCommand(name), Outcome.DROPPED);
    }

    /** Teleport's isUserActive: currentOp filtered on this user, any operation means active. */
    public boolean isActive(String mongoName) {
        Document reply = gateway.run(UserCommands.ADMIN, UserCommands.currentOpForUser(mongoName),
                "check whether " + mongoName + " is connected");
        return !reply.getList("inprog", Document.class, List.of()).isEmpty();
    }

    private Optional<Document> findUser(String name) {
        Document reply = gateway.run(UserCommands.EXTERNAL,
                UserCommands.usersInfoOne(name, gateway.version().hasShowCustomData()), "look up " + name);
        List<Document> users = reply.getList("users", Document.class, List.of());
        if (users.size() > 1) {
            throw new ConsoleException("Expected one MongoDB user named " + name + " but the server returned "
                    + users.size() + ".");
        }
        return users.stream().findFirst();
    }

    private String requireAutoUser(String teleportUser, String verb) {
        audit.checkWritable();
        String name = TeleportName.mongoNameOf(teleportUser);
        Optional<Document> found = findUser(name);
        if (found.isEmpty()) {
            auditRefusal(name, verb, "no such user in $external");
            throw new ConsoleException("Cannot " + verb + " " + name + ": no such user in $external.", MongoErrors.USER_NOT_FOUND, null);
        }
        Document user = found.get();
        if (!UserRecords.isAutoUser(user)) {
            throw refuse(name, verb, "user " + quoted(teleportUser)
                    + " is not managed by Teleport (customData.teleport-auto-user is not true): the console never changes it");
        }
        return name;
    }

    /** Runs one change; the audit shows the command that is sent, rendered by the command itself. */
    private Outcome change(String name, MongoCommand command, Outcome outcome) {
        return audit.change(command, name, () -> {
            gateway.run(command);
            return outcome;
        }, done -> "ok: " + done.description());
    }

    private static MongoCommand external(Document body, String intent) {
        return MongoCommand.of(UserCommands.EXTERNAL, body, intent);
    }

    private ConsoleException refuse(String name, String verb, String message) {
        auditRefusal(name, verb, message);
        return new ConsoleException(message);
    }

    /** Records that the console declined to act on {@code mongoName}, in the one shape every command uses. */
    public void auditRefusal(String mongoName, String verb, String reason) {
        audit.note(verb + " " + mongoName, mongoName, Refusals.RESULT_PREFIX + reason);
    }

    /** Go's %q for the names Teleport allows: double quotes, with quotes and backslashes escaped. */
    static String quoted(String teleportUser) {
        String plain = TeleportName.teleportNameOf(teleportUser);
        return "\"" + plain.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
