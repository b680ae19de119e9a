package dev.autouser.core.mongo;

import dev.autouser.core.ConnectionLostException;
import dev.autouser.core.ConsoleException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open connection (driver client) to a MongoDB deployment, with the facts learnt on connect.
 * Every command goes through {@link #run} or {@link #aggregate}, which turn failures into a
 * {@link ConsoleException} and count round trips.
 */
public final class MongoGateway implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final MongoClient client;
    private final RoundTripCounter counter;
    private final String server;
    private final String identity;
    private final String clientNamed;
    private final ServerFactsReader.Connected connected;
    private volatile ServerFacts facts;
    private final NodeClients nodes;
    private final UnlistedMembers unlisted = new UnlistedMembers();
    private final Duration timeout;
    private volatile java.util.Set<String> unverifiedAllowed = java.util.Set.of();
    private volatile boolean closed;

    private MongoGateway(MongoClient client, RoundTripCounter counter, String server, String identity,
                         ServerFactsReader.Connected connected, NodeClients nodes, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
        this.counter = counter;
        this.server = server;
        this.identity = identity;
        this.clientNamed = ServerFactsReader.clientNamed(identity, connected);
        this.connected = connected;
        this.nodes = nodes;
    }

    /** Connects with the default 5 s server selection timeout; {@code passwordOrNull} is for SCRAM. */
    public static MongoGateway connect(ConnectionProfile profile, char[] passwordOrNull) {
        return connect(profile, Secrets.of(passwordOrNull, null), DEFAULT_TIMEOUT);
    }

    /**
     * Connects, authenticates and reads the server's version and topology (one {@code buildInfo}; the
     * driver's handshake has the {@code hello}); the privileges wait for {@link #facts()}.
     * Throws {@link ConsoleException} with a plain sentence on any failure.
     */
    public static MongoGateway connect(ConnectionProfile profile, Secrets secrets, Duration serverSelectionTimeout) {
        RoundTripCounter counter = new RoundTripCounter();
        ClientSettingsFactory.Prepared prepared = ClientSettingsFactory.prepare(profile, secrets,
                serverSelectionTimeout, counter, Instant.now());
        String server = String.join(",", prepared.connectionString().getHosts());
        MongoClient client = MongoClients.create(prepared.settings());
        try {
            ServerFactsReader.Connected connected = ServerFactsReader.connected(client,
                    prepared.connectionString().getHosts(), prepared.warnings(), server, prepared.identity(),
                    prepared.settings().getCredential());
            CommandLog.connected(server, prepared.identity(), connected.version(), connected.topology());
            return new MongoGateway(client, counter, server, prepared.identity(), connected,
                    new NodeClients(prepared.settings(), serverSelectionTimeout), serverSelectionTimeout);
        } catch (RuntimeException e) {
            client.close();
            if (prepared.settings().getSslSettings().isEnabled() && TlsRejectionProbe.worthProbing(e)) {
                Optional<String> alert = TlsRejectionProbe.rejectedCertificateAlert(prepared.settings().getSslSettings(),
                        prepared.connectionString().getHosts().get(0), serverSelectionTimeout);
                if (alert.isPresent()) {
                    throw MongoErrors.clientCertificateRejected(server, alert.get(), e);
                }
            }
            ConsoleException failure = MongoErrors.translate(e, server, prepared.identity(), "", "", "connect");
            CommandLog.connectFailed(server, prepared.identity(), failure);
            throw failure;
        }
    }

    /**
     * Everything learnt about the server and the identity, privileges included: the first call asks
     * the server ({@code connectionStatus}); a listing never needs it. Throws {@link ConsoleException}
     * when the server cannot be asked.
     */
    public ServerFacts facts() {
        ServerFacts known = facts;
        if (known == null) {
            synchronized (this) {
                if (facts == null) {
                    facts = ServerFactsReader.withPrivileges(client, connected, server, identity);
                }
                known = facts;
            }
        }
        return known;
    }

    /** The server's version, known since connecting (no round trip). */
    public ServerVersion version() {
        return connected.version();
    }

    /** What the console should be told about this connection (a secondary, no authentication), known since connecting. */
    public List<String> warnings() {
        return connected.warnings();
    }

    /** The hosts of the connection string, e.g. {@code db1:27017,db2:27017}; never credentials. */
    public String server() {
        return server;
    }

    /** Who the console is, as MongoDB knows it: {@code CN=dba@$external} once authenticated. */
    public String identity() {
        ServerFacts known = facts;
        if (known == null && connected.authenticated()) {
            try {
                known = facts();
            } catch (ConsoleException e) {
                return identityWithoutAsking();
            }
        }
        List<String> users = known == null ? List.of() : known.authenticatedUsers();
        return users.isEmpty() ? identity : users.get(0);
    }

    /**
     * The identity for an error sentence, without a round trip (the server may be what failed): the
     * server's name once known, else the client's own ({@code CN=dba@$external}, {@code dba@admin}).
     */
    private String identityWithoutAsking() {
        ServerFacts known = facts;
        if (known != null && !known.authenticatedUsers().isEmpty()) {
            return known.authenticatedUsers().get(0);
        }
        return connected.authenticated() ? clientNamed : identity;
    }

    /**
     * Asks the server whether it answers ({@code ping} needs no privileges). Throws a
     * {@link ConsoleException} (a {@link ConnectionLostException} when unreachable) when it does not.
     * Not logged per call: the caller checks every few seconds and logs a change of state.
     */
    public void ping() {
        try {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            throw MongoErrors.translate(e, server, identityWithoutAsking(), "ping", "admin", "check that the server answers");
        }
    }

    /**
     * Runs one command. {@code attempted} is the person's intent as a verb phrase
     * ("drop CN=alice"), used in the error sentence and the log.
     */
    public Document run(String db, Document command, String attempted) {
        return run(MongoCommand.of(db, command, attempted));
    }

    /** Runs one command; its intent names it in the log and in the error sentence. */
    public Document run(MongoCommand command) {
        long start = System.nanoTime();
        try {
            Document reply = client.getDatabase(command.database()).runCommand(command.body());
            CommandLog.succeeded(server, command.name(), command.database(), command.intent(), start);
            if (reply.get("writeConcernError") instanceof Document error) {
                throw notConfirmed(command, error);
            }
            return reply;
        } catch (WriteNotConfirmedException e) {
            CommandLog.failed(server, command.name(), command.database(), command.intent(), start, e);
            throw e;
        } catch (RuntimeException e) {
            ConsoleException failure = MongoErrors.translate(e, server, identityWithoutAsking(), command.name(), command.database(),
                    command.requiredPrivileges(), command.intent());
            CommandLog.failed(server, command.name(), command.database(), command.intent(), start, failure);
            throw failure;
        }
    }

    /** "the replica set did not confirm ... within 5 s (WriteConcernFailed: waiting for replication timed out)". */
    private static WriteNotConfirmedException notConfirmed(MongoCommand command, Document error) {
        Integer code = error.get("code") instanceof Number n ? n.intValue() : null;
        String why = error.get("codeName") instanceof String name ? name + ": " : "";
        return new WriteNotConfirmedException("The primary applied " + command.intent() + ", but the members its write"
                + " concern asks for did not confirm it in time (" + why + error.getString("errmsg") + ")", code);
    }

    /** The bound this connection puts on each wait (server selection, connecting; write concern). */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Runs one command and keeps the reply as raw BSON, so the caller knows its size in bytes
     * (listing sizes its pages from it).
     */
    public org.bson.RawBsonDocument runRaw(String db, Document command, String attempted) {
        MongoCommand typed = MongoCommand.of(db, command, attempted);
        long start = System.nanoTime();
        try {
            org.bson.RawBsonDocument reply = client.getDatabase(db).runCommand(command, org.bson.RawBsonDocument.class);
            CommandLog.succeeded(server, typed.name(), db, attempted, start);
            return reply;
        } catch (RuntimeException e) {
            ConsoleException failure = MongoErrors.translate(e, server, identityWithoutAsking(), typed.name(), db,
                    typed.requiredPrivileges(), attempted);
            CommandLog.failed(server, typed.name(), db, attempted, start, failure);
            throw failure;
        }
    }

    /** Runs a database-level aggregation (e.g. {@code $currentOp} on admin) and drains the cursor. */
    public List<Document> aggregate(String db, List<Document> pipeline, int batchSize, String attempted) {
        List<Document> results = new ArrayList<>();
        long start = System.nanoTime();
        try (MongoCursor<Document> cursor = client.getDatabase(db).aggregate(pipeline)
                .batchSize(batchSize).iterator()) {
            cursor.forEachRemaining(results::add);
            CommandLog.succeeded(server, "aggregate", db, attempted, start);
            return results;
        } catch (RuntimeException e) {
            ConsoleException failure = MongoErrors.translate(e, server, identityWithoutAsking(), "aggregate", db, attempted);
            CommandLog.failed(server, "aggregate", db, attempted, start, failure);
            throw failure;
        }
    }

    /**
     * The deployment's nodes as the driver sees them now (members with their current roles, or
     * routers), plus the hidden and delayed members of a replica set's config ({@link UnlistedMembers}).
     */
    public Deployment deployment() {
        com.mongodb.connection.ClusterDescription cluster = client.getClusterDescription();
        return unlisted.complete(Deployment.from(cluster), cluster, this::replSetGetConfig);
    }

    /** Any member can answer it, so a set without a primary still says who its members are. */
    private Document replSetGetConfig() {
        MongoCommand command = MongoCommand.of("admin", new Document("replSetGetConfig", 1),
                "look for hidden members in the replica set's config");
        long start = System.nanoTime();
        try {
            Document reply = client.getDatabase("admin")
                    .runCommand(command.body(), com.mongodb.ReadPreference.primaryPreferred());
            CommandLog.succeeded(server, command.name(), "admin", command.intent(), start);
            return reply;
        } catch (RuntimeException e) {
            ConsoleException failure = MongoErrors.translate(e, server, identityWithoutAsking(), command.name(), "admin",
                    command.requiredPrivileges(), command.intent());
            CommandLog.failed(server, command.name(), "admin", command.intent(), start, failure);
            throw failure;
        }
    }

    /**
     * Runs a {@code $currentOp}-style aggregation on one node only, over a direct connection with
     * the same credentials; failures name that node.
     */
    public List<Document> aggregateOn(Deployment.Node node, List<Document> pipeline, int batchSize, String attempted) {
        List<Document> results = new ArrayList<>();
        try (MongoCursor<Document> cursor = nodes.of(node.host()).getDatabase("admin").aggregate(pipeline)
                .batchSize(batchSize).iterator()) {
            cursor.forEachRemaining(results::add);
            return results;
        } catch (RuntimeException e) {
            throw MongoErrors.translate(e, node.host(), identityWithoutAsking(), "aggregate", "admin", attempted);
        }
    }

    /** Like {@link #run} on one node only (the {@code currentOp} command of servers before 6.2). */
    public Document runOn(Deployment.Node node, String db, Document command, String attempted) {
        try {
            return nodes.of(node.host()).getDatabase(db).runCommand(command);
        } catch (RuntimeException e) {
            throw MongoErrors.translate(e, node.host(), identityWithoutAsking(), command.keySet().iterator().next(), db, attempted);
        }
    }

    /**
     * Hosts whose sessions the person explicitly accepted not to know ({@code --allow-unverified});
     * every lock or drop decided while one of them is silent is audited as such.
     */
    public java.util.Set<String> unverifiedAllowed() {
        return unverifiedAllowed;
    }

    public void allowUnverified(java.util.Collection<String> hosts) {
        this.unverifiedAllowed = java.util.Set.copyOf(hosts);
    }

    /** Commands sent on the calling thread so far; the difference around a call is its round trips. */
    public long roundTripsOnThisThread() {
        return counter.onThisThread();
    }

    /**
     * Round-trip times of the commands this thread sent so far (the driver's own hello and
     * authentication during the connection handshake are not commands and not included).
     */
    public List<RoundTripCounter.CommandTime> commandTimesOnThisThread() {
        return counter.timesOnThisThread();
    }

    /** Commands sent by this gateway on any thread. */
    public long roundTrips() {
        return counter.total();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        nodes.close();
        client.close();
    }
}
