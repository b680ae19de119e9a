package dev.autouser.core.teleport;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A Teleport database enrolment for MongoDB with automatic user provisioning: the dynamic
 * {@code kind: db} resource (version v3) and the static {@code db_service.databases} entry.
 * {@code adminUser} is the Teleport-side name; Teleport logs in as {@code CN=<adminUser>}.
 */
public record DatabaseResource(String name, String uri, String adminUser) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public DatabaseResource {
        require(name, "metadata.name", "a database name, e.g. example");
        require(uri, "spec.uri", "the MongoDB address Teleport connects to, e.g. mongo.example.com:27017");
        require(adminUser, "spec.admin_user.name", "the admin user's name without CN=, e.g. teleport-admin");
    }

    /** The admin user name as seed 001 writes it, from the MongoDB user name {@code CN=teleport-admin}. */
    public static String adminUserFromMongoName(String mongoUser) {
        return mongoUser.startsWith("CN=") ? mongoUser.substring(3) : mongoUser;
    }

    /**
     * The address Teleport's Database Service should use: {@code host:port} for one server, the
     * {@code mongodb://} form with {@code replicaSet} for a replica set. Credentials and TLS options
     * are left out: Teleport brings its own certificate.
     */
    public static String uriFor(String connectionString) {
        ConnectionString parsed;
        try {
            parsed = new ConnectionString(connectionString);
        } catch (IllegalArgumentException e) {
            throw new TeleportConfigException("\"" + connectionString + "\" is not a MongoDB connection string: " + e.getMessage());
        }
        String hosts = String.join(",", parsed.getHosts());
        if (parsed.isSrvProtocol()) {
            return "mongodb+srv://" + hosts + "/";
        }
        String replicaSet = parsed.getRequiredReplicaSetName();
        if (replicaSet == null && parsed.getHosts().size() == 1) {
            return hosts;
        }
        return "mongodb://" + hosts + "/" + (replicaSet == null ? "" : "?replicaSet=" + replicaSet);
    }

    /** Reads a {@code kind: db} resource (the first one in the text). */
    public static DatabaseResource parse(String yaml, String sourceName) {
        List<ObjectNode> dbs = TeleportYaml.readDocuments(yaml, sourceName).stream()
                .filter(d -> "db".equals(d.path("kind").asText()))
                .toList();
        if (dbs.isEmpty()) {
            throw new TeleportConfigException(sourceName + " holds no Teleport database resource (kind: db).");
        }
        JsonNode db = dbs.get(0);
        String protocol = db.path("spec").path("protocol").asText();
        if (!"mongodb".equals(protocol)) {
            throw new TeleportConfigException(sourceName + ": spec.protocol is \"" + protocol + "\"; automatic MongoDB users need protocol mongodb.");
        }
        return new DatabaseResource(db.path("metadata").path("name").asText(""), db.path("spec").path("uri").asText(""),
                db.path("spec").path("admin_user").path("name").asText(""));
    }

    /** {@code tctl create -f} input. */
    public String toDynamicYaml() {
        return TeleportYaml.dynamicDatabase(name, spec(false));
    }

    /** The {@code db_service} section of {@code teleport.yaml} for a statically configured database. */
    public String toStaticYaml() {
        return TeleportYaml.staticDatabase(spec(true));
    }

    private ObjectNode spec(boolean withName) {
        ObjectNode spec = NODES.objectNode();
        if (withName) {
            spec.put("name", name);
        }
        spec.put("protocol", "mongodb");
        spec.put("uri", uri);
        spec.putObject("admin_user").put("name", adminUser);
        return spec;
    }

    private static void require(String value, String field, String hint) {
        if (value == null || value.isBlank()) {
            throw new TeleportConfigException(field + " is empty; give " + hint + ".");
        }
    }
}
