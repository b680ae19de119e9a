package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a connection's authenticated users may run a command, as MongoDB does with
 * authorization enabled: admin-only commands must run on {@code admin}; a few commands need no
 * login (both from {@link CommandTable}); everything else needs a login and the privileges MongoDB documents for the command,
 * resolved through the users' roles, inherited roles and built-in roles. A refusal is
 * MongoServerError 13 Unauthorized with MongoDB's message
 * {@code not authorized on <db> to execute command { ... }} (passwords shown as "xxx").
 * Commands this class does not know are refused rather than allowed.
 */
public final class Authorizer {

    private final SecurityState state;

    public Authorizer(SecurityState state) {
        this.state = state;
    }

    /**
     * Throws MongoServerError 13 unless {@code authenticated} may run the command on {@code db}.
     * Malformed user-management arguments fail with their own parse error first, as in MongoDB.
     */
    public void check(List<UserId> authenticated, String db, String commandName, Document command) {
        String name = UmcArgs.commandName(command, commandName);
        Optional<CommandSpec> spec = CommandTable.findIgnoringCase(name);
        if (spec.isPresent() && spec.get().adminOnly() && !db.equals("admin")) {
            throw ServerErrors.unauthorized(name + " may only be run against the admin database.");
        }
        if (spec.isPresent() && !spec.get().needsLogin()) {
            return;
        }
        if (authenticated.isEmpty()) {
            throw ServerErrors.requiresAuthentication(name);
        }
        try {
            checkPrivileges(AuthzSession.resolve(state, authenticated), db, name, command);
        } catch (NotAuthorized refused) {
            throw ServerErrors.unauthorized("not authorized on " + db + " to execute command "
                    + BsonText.toText(redactPasswords(command)));
        }
    }

    /** The merged privileges of the users (for connectionStatus and the console's checks). */
    public PrivilegeSet privileges(List<UserId> authenticated) {
        return AuthzSession.resolve(state, authenticated).privileges();
    }

    /**
     * The databases {@code listDatabases} shows these users: all of them with listDatabases on the
     * cluster (unless {@code authorizedDatabases: true}), otherwise those they hold privileges in.
     */
    public List<String> visibleDatabases(List<UserId> authenticated, Collection<String> databases, Document command) {
        PrivilegeSet privileges = privileges(authenticated);
        boolean onlyAuthorized = command.containsKey("authorizedDatabases")
                && UmcArgs.flag(command, "authorizedDatabases", false);
        if (!onlyAuthorized && privileges.allowsOnCluster("listDatabases")) {
            return new ArrayList<>(databases);
        }
        return databases.stream().filter(privileges::touchesDatabase).toList();
    }

    /**
     * The collections {@code listCollections} shows: all of them normally; with
     * {@code authorizedCollections: true, nameOnly: true} and no listCollections privilege on the
     * database, only those the users hold some privilege on, as MongoDB does.
     */
    public List<String> visibleCollections(List<UserId> authenticated, String db, Collection<String> collections,
                                           Document command) {
        PrivilegeSet privileges = privileges(authenticated);
        boolean authorizedOnly = UmcArgs.flag(command, "authorizedCollections", false)
                && UmcArgs.flag(command, "nameOnly", false);
        if (!authorizedOnly || privileges.allowsOnDatabase(db, "listCollections")) {
            return new ArrayList<>(collections);
        }
        return collections.stream().filter(name -> privileges.touchesCollection(db, name)).toList();
    }

    /** The command table names the rules; commands it does not know are refused, never allowed. */
    private static void checkPrivileges(AuthzSession session, String db, String name, Document command) {
        CommandSpec spec = CommandTable.findIgnoringCase(name).orElseThrow(
                () -> new NotAuthorized("the sandbox does not know which privileges " + name + " needs"));
        String key = spec.key();
        boolean checked = switch (spec.privileges()) {
            case NONE, LOGIN_ONLY -> true;
            case EXPLAIN -> {
                checkExplain(session, db, command);
                yield true;
            }
            case USER_ADMIN -> UmcRequirements.check(session, db, key, command);
            case DATA -> DataRequirements.check(session, db, key, command);
            case SERVER -> ServerRequirements.check(session, key, command);
        };
        if (!checked) {
            throw new NotAuthorized("no privilege rule for " + name);
        }
    }

    /** {@code explain} needs what the explained command needs. */
    private static void checkExplain(AuthzSession session, String db, Document command) {
        if (!(command.get(UmcArgs.commandName(command, "explain")) instanceof Document inner) || inner.isEmpty()) {
            throw new NotAuthorized("explain needs a command document");
        }
        String innerName = inner.keySet().iterator().next();
        if (innerName.equalsIgnoreCase("explain")) {
            throw new NotAuthorized("explain cannot explain itself");
        }
        checkPrivileges(session, db, innerName, inner);
    }

    /** MongoDB's snipForLogging: every {@code pwd} value becomes "xxx" before the command is echoed. */
    static Document redactPasswords(Document command) {
        Document copy = new Document();
        command.forEach((field, value) -> copy.append(field, field.equals("pwd") ? "xxx" : value));
        return copy;
    }
}
