package dev.autouser.core.provisioning;

import dev.autouser.core.mongo.MongoCommand;
import dev.autouser.core.mongo.MongoshSyntax;
import org.bson.Document;

import java.util.List;

/**
 * The exact MongoDB commands the console sends, built in one place so that what a dry run prints
 * is what runs. Field order follows Teleport's (lib/srv/db/mongodb/autousers.go).
 */
public final class UserCommands {
    public static final String EXTERNAL = "$external";
    public static final String ADMIN = "admin";
    public static final String AUTO_USER_FLAG = "teleport-auto-user";
    /** Teleport's lock: no client address can match 0.0.0.0, so authentication is refused. */
    public static final String LOCKED_SOURCE = "0.0.0.0";

    private UserCommands() {
    }

    /** usersInfo with the auto-user tag filter, optionally limited to one page of names. */
    public static Document usersInfoAutoUsers(UserPage page, boolean showCustomData) {
        Document filter = new Document("customData." + AUTO_USER_FLAG, true);
        page.toFilter().ifPresent(bounds -> filter.append("user", bounds));
        Document command = new Document("usersInfo", 1).append("filter", filter);
        if (showCustomData) {
            command.append("showCustomData", true);
        }
        return command;
    }

    /**
     * usersInfo by exact names with authentication restrictions: MongoDB refuses
     * {@code showAuthenticationRestrictions} together with {@code filter} or {@code usersInfo: 1}.
     */
    public static Document usersInfoExact(List<String> mongoNames, boolean showCustomData) {
        return usersInfoExact(mongoNames, showCustomData, false);
    }

    /** {@code hideCustomData} sends {@code showCustomData: false} (5.2 and later only). */
    public static Document usersInfoExact(List<String> mongoNames, boolean showCustomData, boolean hideCustomData) {
        List<Document> users = mongoNames.stream().map(n -> new Document("user", n).append("db", EXTERNAL)).toList();
        Document command = new Document("usersInfo", users).append("showAuthenticationRestrictions", true);
        if (showCustomData) {
            command.append("showCustomData", true);
        } else if (hideCustomData) {
            command.append("showCustomData", false);
        }
        return command;
    }

    /** Teleport's getUser: one user by name, with customData. */
    public static Document usersInfoOne(String mongoName, boolean showCustomData) {
        Document command = new Document("usersInfo", mongoName);
        if (showCustomData) {
            command.append("showCustomData", true);
        }
        return command;
    }

    public static Document createUser(String mongoName, List<RoleRef> roles) {
        return new Document("createUser", mongoName)
                .append("roles", roleDocuments(roles))
                .append("customData", new Document(AUTO_USER_FLAG, true))
                .append("authenticationRestrictions", List.of());
    }

    /** Teleport's activation of an existing user: new roles and no restrictions (unlocks). */
    public static Document activate(String mongoName, List<RoleRef> roles) {
        return new Document("updateUser", mongoName)
                .append("roles", roleDocuments(roles))
                .append("authenticationRestrictions", List.of());
    }

    /** Teleport's deactivation ({@code keep} mode), also the console's lock: no roles, locked. */
    public static Document lock(String mongoName) {
        return new Document("updateUser", mongoName)
                .append("roles", List.of())
                .append("authenticationRestrictions",
                        List.of(new Document("clientSource", List.of(LOCKED_SOURCE))));
    }

    /** Puts back roles and restrictions a lock replaced (when a session appeared during a drop). */
    public static Document restore(String mongoName, List<RoleRef> roles, List<Document> restrictions) {
        return new Document("updateUser", mongoName)
                .append("roles", roleDocuments(roles))
                .append("authenticationRestrictions", restrictions);
    }

    public static Document dropUser(String mongoName) {
        return new Document("dropUser", mongoName);
    }

    /**
     * The console's own change, acknowledged only once a majority of a replica set's members have
     * applied it (so a failover cannot roll it back), waiting at most {@code wtimeout}. A standalone
     * and a mongos accept {@code w: "majority"} as well (mongosh's user helpers send it everywhere).
     */
    public static MongoCommand majority(MongoCommand command, java.time.Duration wtimeout) {
        Document body = new Document(command.body()).append("writeConcern",
                new Document("w", "majority").append("wtimeout", (int) Math.min(Integer.MAX_VALUE, wtimeout.toMillis())));
        return MongoCommand.of(command.database(), body, command.intent(), command.requiredPrivileges());
    }

    /** One {@code $currentOp} over every connection (idle too) authenticated in {@code $external}. */
    public static List<Document> currentOpPipeline() {
        return List.of(
                new Document("$currentOp", new Document("allUsers", true).append("idleConnections", true)),
                new Document("$match", new Document("effectiveUsers.db", EXTERNAL)));
    }

    /** The same on a mongos, which reports its own clients only with {@code localOps: true}. */
    public static List<Document> routerCurrentOpPipeline() {
        return List.of(
                new Document("$currentOp", new Document("allUsers", true).append("idleConnections", true)
                        .append("localOps", true)),
                new Document("$match", new Document("effectiveUsers.db", EXTERNAL)));
    }

    /** The same as a {@code currentOp} command, for servers before 6.2. */
    public static Document currentOpCommand() {
        return new Document("currentOp", 1).append("$all", true).append("$ownOps", false)
                .append("effectiveUsers.db", EXTERNAL);
    }

    /** Teleport's isUserActive check for one user. */
    public static Document currentOpForUser(String mongoName) {
        return new Document("currentOp", true).append("$ownOps", false).append("$all", true)
                .append("effectiveUsers", new Document("$elemMatch",
                        new Document("user", mongoName).append("db", EXTERNAL)));
    }

    /** The console's lock of one user, as a command value (dry runs, "Copy as mongosh"). */
    public static MongoCommand lockCommand(String mongoName) {
        return MongoCommand.of(EXTERNAL, lock(mongoName), "lock " + mongoName);
    }

    public static MongoCommand dropCommand(String mongoName) {
        return MongoCommand.of(EXTERNAL, dropUser(mongoName), "drop " + mongoName);
    }

    /** Puts a locked user back as it was ({@link #restore}), when a session appeared during a cleanup. */
    public static MongoCommand restoreCommand(String mongoName, List<RoleRef> roles, List<Document> restrictions) {
        return MongoCommand.of(EXTERNAL, restore(mongoName, roles, restrictions), "undo the lock of " + mongoName);
    }

    /** The users with their restrictions and customData, as a person would inspect them. */
    public static MongoCommand inspectCommand(List<String> mongoNames) {
        return MongoCommand.of(EXTERNAL, usersInfoExact(mongoNames, true), "inspect " + String.join(", ", mongoNames));
    }

    /**
     * The check a person runs by hand between lock and drop: every connection of the user, idle
     * ones too. It must return nothing.
     */
    public static String noSessionCheck(String mongoName) {
        return MongoshSyntax.aggregate(ADMIN, List.of(
                new Document("$currentOp", new Document("allUsers", true).append("idleConnections", true)),
                new Document("$match", new Document("effectiveUsers", new Document("$elemMatch",
                        new Document("user", mongoName).append("db", EXTERNAL))))));
    }

    private static List<Document> roleDocuments(List<RoleRef> roles) {
        return RoleRef.sorted(roles).stream().map(RoleRef::toDocument).toList();
    }
}
