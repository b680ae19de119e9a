package dev.autouser.core.mongo;

import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import org.bson.Document;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link ServerFacts} in two steps, so that a command that needs no privileges (a listing)
 * waits for one round trip before its first useful one instead of three (issue 13):
 * on connecting, {@code buildInfo} (version, platform hints) and what the driver's own handshake
 * already learnt ({@code hello}: topology, set name, hosts); the identity's privileges
 * ({@code connectionStatus}) only when something asks for them.
 */
final class ServerFactsReader {
    /** Server types whose {@code hello} the driver's description renders faithfully (hidden members, arbiters,
     * ghosts and load balancers do not show in it: for those the console asks {@code hello} itself). */
    private static final Set<ServerType> DESCRIBED = Set.of(ServerType.STANDALONE, ServerType.REPLICA_SET_PRIMARY,
            ServerType.REPLICA_SET_SECONDARY, ServerType.SHARD_ROUTER);

    private ServerFactsReader() {
    }

    /**
     * What a connection knows before any privilege matters. {@code credential} is the driver's
     * (null: the driver did not authenticate, so the server has nobody to check privileges for).
     */
    record Connected(ServerVersion version, Topology topology, Optional<String> replicaSetName,
                     HostingPlatform platform, List<String> warnings, boolean authenticated, boolean x509Subject) {
    }

    /**
     * How the server will name the client, from what the client knows: an X.509 login is its
     * certificate's RFC 2253 subject in {@code $external}; the other identities already carry their database.
     */
    static String clientNamed(String identity, Connected connected) {
        return connected.x509Subject() && !identity.startsWith("(") ? identity + "@$external" : identity;
    }

    static Connected connected(MongoClient client, List<String> hosts, List<String> warnings, String server,
                               String identity, MongoCredential credential) {
        Document buildInfo = command(client, "admin", new Document("buildInfo", 1), server, identity,
                "read the server version");
        Document hello = described(client).orElseGet(() -> hello(client, server, identity));
        Topology topology = Topology.from(hello);
        List<String> allWarnings = new ArrayList<>(warnings);
        if (topology == Topology.REPLICA_SET_SECONDARY) {
            allWarnings.add("Connected to a secondary: connections to other members are not visible here,"
                    + " so activity checks only cover this node. Connect to the primary.");
        }
        if (credential == null) {
            allWarnings.add("Not authenticated: the server may not enforce access control (security.authorization).");
        }
        return new Connected(ServerVersion.parse(buildInfo.get("version", "0.0.0")), topology,
                Optional.ofNullable(hello.getString("setName")), HostingPlatform.detect(hosts, hello, buildInfo),
                allWarnings, credential != null, credential != null && credential.getUserName() == null
                        && credential.getAuthenticationMechanism() == com.mongodb.AuthenticationMechanism.MONGODB_X509);
    }

    /** The rest of the facts: who the server says the console is, its roles and privileges. */
    static ServerFacts withPrivileges(MongoClient client, Connected connected, String server, String identity) {
        Document status = command(client, "admin", new Document("connectionStatus", 1).append("showPrivileges", true),
                server, identity, "read the connected identity's privileges");
        Document authInfo = status.get("authInfo", new Document());
        List<Document> users = authInfo.getList("authenticatedUsers", Document.class, List.of());
        List<Document> roles = authInfo.getList("authenticatedUserRoles", Document.class, List.of());
        List<Document> privileges = authInfo.getList("authenticatedUserPrivileges", Document.class, List.of());
        return new ServerFacts(connected.version(), connected.topology(), connected.replicaSetName(),
                users.stream().map(u -> pair(u, "user")).toList(), roles.stream().map(r -> pair(r, "role")).toList(),
                missing(privileges, users.isEmpty()), connected.platform(), connected.warnings());
    }

    /**
     * The {@code hello} reply of the server the first command went to, as the driver's monitor
     * described it: the fields topology and platform detection read (type, set name, hosts, tags).
     */
    static Optional<Document> described(MongoClient client) {
        List<ServerDescription> servers = client.getClusterDescription().getServerDescriptions().stream()
                .filter(ServerDescription::isOk).toList();
        // Commands go to the primary (or any router); with one server known, to that one (a direct connection).
        ServerDescription chosen = servers.size() == 1 ? servers.get(0) : servers.stream()
                .filter(d -> d.getType() == ServerType.REPLICA_SET_PRIMARY || d.getType() == ServerType.SHARD_ROUTER)
                .findFirst().orElse(null);
        if (chosen == null || !DESCRIBED.contains(chosen.getType())) {
            return Optional.empty();
        }
        return Optional.of(helloOf(chosen));
    }

    static Document helloOf(ServerDescription server) {
        Document hello = new Document();
        if (server.getType() == ServerType.SHARD_ROUTER) {
            hello.append("msg", "isdbgrid");
        }
        hello.append("isWritablePrimary", server.getType() != ServerType.REPLICA_SET_SECONDARY)
                .append("secondary", server.getType() == ServerType.REPLICA_SET_SECONDARY);
        if (server.getSetName() != null) {
            hello.append("setName", server.getSetName());
        }
        hello.append("hosts", server.getHosts()).append("passives", server.getPassives())
                .append("arbiters", server.getArbiters()).append("me", server.getCanonicalAddress());
        if (server.getPrimary() != null) {
            hello.append("primary", server.getPrimary());
        }
        Document tags = new Document();
        server.getTagSet().forEach(tag -> tags.append(tag.getName(), tag.getValue()));
        return hello.append("tags", tags);
    }

    /** {@code hello}, or {@code isMaster} on servers from before 4.4.2 that do not know it (59). */
    private static Document hello(MongoClient client, String server, String identity) {
        try {
            return client.getDatabase("admin").runCommand(new Document("hello", 1));
        } catch (com.mongodb.MongoCommandException e) {
            if (e.getErrorCode() != 59) {
                throw MongoErrors.translate(e, server, identity, "hello", "admin", "read server facts");
            }
        } catch (RuntimeException e) {
            throw MongoErrors.translate(e, server, identity, "hello", "admin", "read server facts");
        }
        return command(client, "admin", new Document("isMaster", 1), server, identity, "read server facts");
    }

    private static Document command(MongoClient client, String db, Document command, String server,
                                    String identity, String attempted) {
        try {
            return client.getDatabase(db).runCommand(command);
        } catch (RuntimeException e) {
            throw MongoErrors.translate(e, server, identity, command.keySet().iterator().next(), db, attempted);
        }
    }

    private static String pair(Document document, String nameField) {
        return document.getString(nameField) + "@" + document.getString("db");
    }

    /** With no authentication there is no access control to check against: nothing is missing. */
    private static Map<Operation, List<Privilege>> missing(List<Document> granted, boolean unauthenticated) {
        Map<Operation, List<Privilege>> missing = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            missing.put(operation, unauthenticated ? List.of() : operation.required().stream()
                    .filter(needed -> granted.stream().noneMatch(needed::grantedBy))
                    .toList());
        }
        return missing;
    }
}
