package dev.autouser.core.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@link ServerFacts} with three commands: hello, buildInfo and connectionStatus. */
final class ServerFactsReader {
    private ServerFactsReader() {
    }

    static ServerFacts read(MongoClient client, List<String> hosts, List<String> warnings, String server,
                            String identity) {
        Document hello = hello(client, server, identity);
        Document buildInfo = command(client, "admin", new Document("buildInfo", 1), server, identity,
                "read the server version");
        Document status = command(client, "admin", new Document("connectionStatus", 1).append("showPrivileges", true),
                server, identity, "read the connected identity's privileges");
        Document authInfo = status.get("authInfo", new Document());
        List<Document> users = authInfo.getList("authenticatedUsers", Document.class, List.of());
        List<Document> roles = authInfo.getList("authenticatedUserRoles", Document.class, List.of());
        List<Document> privileges = authInfo.getList("authenticatedUserPrivileges", Document.class, List.of());
        Topology topology = Topology.from(hello);
        List<String> allWarnings = new ArrayList<>(warnings);
        if (topology == Topology.REPLICA_SET_SECONDARY) {
            allWarnings.add("Connected to a secondary: connections to other members are not visible here,"
                    + " so activity checks only cover this node. Connect to the primary.");
        }
        if (users.isEmpty()) {
            allWarnings.add("Not authenticated: the server may not enforce access control (security.authorization).");
        }
        return new ServerFacts(ServerVersion.parse(buildInfo.get("version", "0.0.0")), topology,
                Optional.ofNullable(hello.getString("setName")), users.stream().map(u -> pair(u, "user")).toList(),
                roles.stream().map(r -> pair(r, "role")).toList(), missing(privileges, users.isEmpty()),
                HostingPlatform.detect(hosts, hello, buildInfo), allWarnings);
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
