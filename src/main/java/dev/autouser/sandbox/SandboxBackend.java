package dev.autouser.sandbox;

import de.bwaldvogel.mongo.backend.InMemoryCursor;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.NoSuchCommandException;
import dev.autouser.sandbox.security.Authorizer;
import dev.autouser.sandbox.security.CommandSpec;
import dev.autouser.sandbox.security.CommandTable;
import dev.autouser.sandbox.security.SecurityState;
import dev.autouser.sandbox.security.ServerErrors;
import dev.autouser.sandbox.security.UserAdminCommands;
import dev.autouser.sandbox.security.UserId;
import io.netty.channel.Channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The library's in-memory MongoDB with MongoDB's front door added: handshake, authentication,
 * per-connection state, authorization before every command, user administration, and
 * {@code currentOp}. Ordinary reads and writes fall through to the library.
 */
final class SandboxBackend extends MemoryBackend {
    /**
     * What the library's own admin handler answers (lower case; a fact about the library, not about
     * MongoDB: what MongoDB has is in {@link CommandTable}); see {@link #libraryCommand}.
     */
    private static final Set<String> LIBRARY_ADMIN_COMMANDS = Set.of("listdatabases", "replsetgetstatus", "getlog",
            "renamecollection", "getlasterror", "connectionstatus", "hostinfo", "getcmdlineopts",
            "getfreemonitoringstatus", "endsessions", "whatsmyuri", "ismaster", "buildinfo", "dropdatabase", "getmore",
            "killcursors", "ping", "serverstatus");

    private final ReportedVersion version;
    private final ConnectionRegistry connections;
    private final Authentication authentication;
    private final Handshake handshake;
    private final Authorizer authorizer;
    private final UserAdminCommands userAdmin;
    private final SessionRefresh sessionRefresh;
    private final LocalhostBypass localhostBypass;
    private final CursorOwners cursorOwners = new CursorOwners();
    private final ServerMetrics metrics = new ServerMetrics();
    private final ServerLog log;
    private final NodeRole role;
    private final LateLogins lateLogins = new LateLogins();
    private CurrentOpCommands currentOp;
    private final SystemCollections systemCollections;

    SandboxBackend(ReportedVersion version, SecurityState security, ConnectionRegistry connections, NodeRole role,
                   boolean localhostAuthBypass, boolean accessControl) {
        this.version = version;
        this.connections = connections;
        this.role = role;
        this.log = new ServerLog(version);
        this.authentication = new Authentication(security, metrics, log, lateLogins);
        this.handshake = new Handshake(version, authentication, role);
        this.authorizer = new Authorizer(security);
        this.userAdmin = new UserAdminCommands(security, version.toVersionString());
        this.sessionRefresh = new SessionRefresh(security);
        this.localhostBypass = new LocalhostBypass(security, localhostAuthBypass, accessControl);
        this.systemCollections = new SystemCollections(security, this::runStages, this::cursorReply);
        version(version);
    }

    /** Called once the port is known, since currentOp reports {@code host:port}. */
    void listeningOn(int port) {
        this.currentOp = new CurrentOpCommands(new CurrentOpReport(connections, port), this::mayInspectOthers,
                role.isRouter());
    }

    @Override
    public Document handleCommand(Channel channel, String db, String command, Document query) {
        ClientConnection connection = connections.of(channel);
        connection.started(RunningCommand.started(connections.nextOpId(), db, command, query, System.nanoTime()));
        try {
            sessionRefresh.refresh(connection);
            Document reply = ReplySizeLimit.check(dispatch(channel, connection, db, command, query));
            boolean wrote = CommandTable.find(command).map(CommandSpec::writes).orElse(false);
            if (wrote) {
                role.awaitWriteConcern(query, reply);
            }
            role.gossip(reply, wrote);
            cursorOwners.remember(reply, connection.users());
            cursorOwners.forgetExhausted(query, reply);
            metrics.command(command, false);
            return reply;
        } catch (RuntimeException e) {
            metrics.command(command, true);
            throw e;
        } finally {
            connection.finished();
        }
    }

    /** The library's status plus MongoDB's command and authentication counters. */
    @Override
    public Document getServerStatus() {
        Document status = super.getServerStatus();
        status.put("version", version.toVersionString());
        Document metricsDocument = status.get("metrics") instanceof Document m ? m : new Document();
        metricsDocument.put("commands", metrics.commandsDocument());
        status.put("metrics", metricsDocument);
        status.put("connections", new Document("current", connections.size()).append("available", 838_860)
                .append("totalCreated", connections.totalCreated()));
        status.put("security", new Document("authentication",
                new Document("mechanisms", metrics.mechanismsDocument())));
        return status;
    }

    @Override
    public void handleClose(Channel channel) {
        connections.forget(channel);
        super.handleClose(channel);
    }

    private Document dispatch(Channel channel, ClientConnection connection, String db, String command,
                              Document query) {
        // mongod looks the command up (exact spelling) before authentication and authorization.
        CommandSpec spec = CommandTable.find(command).orElseThrow(() -> ServerErrors.commandNotFound(command));
        switch (spec.handler()) {
            case HANDSHAKE:
                return handshake.reply(connection, command, query);
            case PING:
                return new Document("ok", 1.0);
            case BUILD_INFO:
                return Handshake.buildInfo(version);
            case AUTHENTICATE:
                return authentication.authenticateX509(connection, db, query, false);
            case SASL_START:
                return authentication.saslStart(connection, db, query, false);
            case SASL_CONTINUE:
                return authentication.saslContinue(connection, query);
            case LOGOUT:
                connection.logout(db);
                return new Document("ok", 1.0);
            case END_SESSIONS:
                // Sessions are not tracked (README: sandbox gaps).
                return new Document("ok", 1.0);
            default:
                break;
        }
        boolean bypass = localhostBypass.applies(connection);
        if (!bypass && !connection.isAuthenticated() && spec.needsLogin()) {
            throw ServerErrors.requiresAuthentication(command);
        }
        return authorizedCommand(channel, connection, db, command, spec, query, bypass);
    }

    private Document authorizedCommand(Channel channel, ClientConnection connection, String db, String command,
                                       CommandSpec spec, Document query, boolean bypass) {
        String name = spec.key();
        List<UserId> users = connection.users();
        if (!bypass) {
            authorizer.check(users, db, command, query);
        }
        if (spec.writes()) {
            role.checkWritable(command);
        }
        if (name.equals("replsetgetstatus")) {
            return role.replSetGetStatus();
        }
        if (name.equals("replsetgetconfig")) {
            return role.replSetGetConfig();
        }
        if (name.equals("getmore")) {
            cursorOwners.checkGetMore(query, users);
        } else if (name.equals("killcursors")) {
            cursorOwners.checkKillCursors(query, users);
        }
        if (name.equals("getlog")) {
            return log.getLog(query.get(command));
        }
        if (spec.handler() == CommandSpec.Handler.CURRENT_OP) {
            return answeredCurrentOp(currentOp.currentOp(connection, db, query));
        }
        if (name.equals("aggregate") && CurrentOpCommands.isCurrentOpPipeline(query)) {
            return answeredCurrentOp(currentOp.aggregate(connection, db, query, this::runStages, this::cursorReply));
        }
        if (spec.handler() == CommandSpec.Handler.USER_ADMIN) {
            return userAdmin.handle(db, command, query, users);
        }
        if (SystemCollections.handles(db, command, query)) {
            return systemCollections.handle(command, query);
        }
        Document reply = libraryCommand(channel, db, command, name, query);
        if (name.equals("listdatabases")) {
            return ListDatabasesReply.build(reply, query, names -> authorizer.visibleDatabases(users, names, query));
        }
        return reply;
    }

    /**
     * The library answers only its own short list of commands on {@code admin} (anything else, even
     * {@code find}, is "no such command" with the whole command as the name); mongod treats admin
     * as an ordinary database too, so the rest goes to the library's database handler.
     */
    private Document libraryCommand(Channel channel, String db, String command, String name, Document query) {
        try {
            if (db.equals("admin") && !LIBRARY_ADMIN_COMMANDS.contains(name)) {
                return resolveDatabase(db).handleCommand(channel, command, query, this::resolveDatabase, oplog);
            }
            return super.handleCommand(channel, db, command, query);
        } catch (NoSuchCommandException e) {
            throw ServerErrors.commandNotFound(command);
        }
    }

    /** A {@code $currentOp} answer is built: logins a test held until after it may attach now. */
    private Document answeredCurrentOp(Document reply) {
        lateLogins.currentOpAnswered();
        return reply;
    }

    /** The test hook for logins attached late (see {@link LateLogins}). */
    LateLogins lateLogins() {
        return lateLogins;
    }

    /** {@code inprog} on the cluster, through any of the connection's users' roles. */
    private boolean mayInspectOthers(ClientConnection connection) {
        return authorizer.privileges(connection.users()).allowsOnCluster("inprog");
    }

    private List<Document> runStages(List<Document> stages, List<Document> input) {
        Aggregation aggregation = Aggregation.fromPipeline(stages, this::resolveDatabase,
                resolveDatabase("admin"), null, oplog);
        return aggregation.runStages(input.stream());
    }

    /** A cursor reply like MongoDB's: the first batch now, the rest through getMore. */
    private Document cursorReply(List<Document> documents, Document cursorOptions) {
        int batchSize = cursorOptions.get("batchSize") instanceof Number n ? n.intValue() : 101;
        List<Document> first = new ArrayList<>(documents.subList(0, Math.min(batchSize, documents.size())));
        long cursorId = 0;
        if (first.size() < documents.size()) {
            cursorId = getCursorRegistry().generateCursorId();
            getCursorRegistry().add(new InMemoryCursor(cursorId,
                    new ArrayList<>(documents.subList(first.size(), documents.size()))));
        }
        Document cursor = new Document("firstBatch", first).append("id", cursorId).append("ns", "admin.$cmd.aggregate");
        return new Document("cursor", cursor).append("ok", 1.0);
    }
}
