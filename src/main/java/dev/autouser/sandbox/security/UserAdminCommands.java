package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;
import java.util.Set;

/** MongoDB's user and role administration commands over a {@link SecurityState}. */
public final class UserAdminCommands {

    private static final Set<String> COMMANDS = Set.of("usersinfo", "createuser", "updateuser", "dropuser",
            "grantrolestouser", "revokerolesfromuser", "createrole", "updaterole", "droprole",
            "grantprivilegestorole", "rolesinfo", "connectionstatus");

    private final SecurityState state;
    private final String serverVersion;

    public UserAdminCommands(SecurityState state, String serverVersion) {
        this.state = state;
        this.serverVersion = serverVersion;
    }

    public boolean handles(String commandName) {
        return COMMANDS.contains(commandName.toLowerCase(java.util.Locale.ROOT));
    }

    public Document handle(String db, String commandName, Document command, List<UserId> authenticated) {
        throw new MongoServerError(115, "CommandNotSupported", commandName + " is not implemented yet");
    }
}
