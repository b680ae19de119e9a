package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answers {@code hello} / {@code isMaster} as mongod or mongos does (the node's role adds the
 * replica-set or router fields): limits, wire versions,
 * this connection's number, {@code saslSupportedMechs} when asked, and the driver's
 * {@code speculativeAuthenticate} (X.509 or SCRAM) so a login costs no extra round trip.
 */
final class Handshake {
    static final int MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
    private final ReportedVersion version;
    private final Authentication authentication;
    private final NodeRole role;

    Handshake(ReportedVersion version, Authentication authentication, NodeRole role) {
        this.version = version;
        this.authentication = authentication;
        this.role = role;
    }

    Document reply(ClientConnection connection, String commandName, Document command) {
        rememberClientMetadata(connection, command);
        Document reply = new Document();
        role.describe(reply, commandName.equals("hello"));
        if (isTrue(command.get("helloOk"))) {
            reply.put("helloOk", true);
        }
        reply.put("maxBsonObjectSize", MAX_BSON_OBJECT_SIZE);
        reply.put("maxMessageSizeBytes", 48_000_000);
        reply.put("maxWriteBatchSize", 100_000);
        reply.put("localTime", Instant.now());
        reply.put("logicalSessionTimeoutMinutes", 30);
        reply.put("connectionId", connection.id());
        reply.put("minWireVersion", 0);
        reply.put("maxWireVersion", version.getWireVersion());
        reply.put("readOnly", false);
        if (command.get("saslSupportedMechs") instanceof String qualifiedName) {
            authentication.supportedMechanisms(qualifiedName)
                    .ifPresent(mechanisms -> reply.put("saslSupportedMechs", mechanisms));
        }
        if (command.get("speculativeAuthenticate") instanceof Document speculative) {
            speculate(connection, speculative).ifPresent(answer -> reply.put("speculativeAuthenticate", answer));
        }
        reply.put("ok", 1.0);
        return reply;
    }

    /** A failed speculative login is silent: the field is left out and the driver asks again. */
    private Optional<Document> speculate(ClientConnection connection, Document speculative) {
        try {
            String db = speculative.get("db") instanceof String name ? name : "admin";
            if (speculative.containsKey("authenticate")) {
                return Optional.of(withoutOk(authentication.authenticateX509(connection, db, speculative, true)));
            }
            if (speculative.containsKey("saslStart")) {
                return Optional.of(withoutOk(authentication.saslStart(connection, db, speculative, true)));
            }
        } catch (MongoServerError e) {
            // MongoDB logs the failure and answers the handshake without speculativeAuthenticate.
        }
        return Optional.empty();
    }

    private static Document withoutOk(Document reply) {
        Document copy = new Document(reply);
        copy.remove("ok");
        return copy;
    }

    private static void rememberClientMetadata(ClientConnection connection, Document command) {
        if (command.get("client") instanceof Document metadata && !connection.rememberClientMetadata(metadata)) {
            throw new MongoServerError(186, "ClientMetadataCannotBeMutated",
                    "The client metadata document may only be sent in the first hello");
        }
    }

    static Document buildInfo(ReportedVersion version) {
        Document reply = new Document();
        reply.put("version", version.toVersionString());
        reply.put("gitVersion", "0000000000000000000000000000000000000000");
        reply.put("modules", List.of());
        reply.put("allocator", "tcmalloc");
        reply.put("javascriptEngine", "mozjs");
        reply.put("sysInfo", "deprecated");
        reply.put("versionArray", version.getVersionArray());
        reply.put("openssl", new Document("running", "OpenSSL 3.0 (Java sandbox)").append("compiled", "OpenSSL 3.0"));
        reply.put("buildEnvironment", new Document("target_os", "linux").append("target_arch", "x86_64"));
        reply.put("bits", 64);
        reply.put("debug", false);
        reply.put("maxBsonObjectSize", MAX_BSON_OBJECT_SIZE);
        reply.put("storageEngines", List.of("devnull", "ephemeralForTest", "wiredTiger"));
        reply.put("ok", 1.0);
        return reply;
    }

    private static boolean isTrue(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.doubleValue() != 0;
    }
}
