package dev.autouser.core.mongo;

import org.bson.Document;

import java.util.List;
import java.util.Locale;

/** Where the MongoDB deployment runs, which decides whether Teleport auto-provisioning applies. */
public enum HostingPlatform {
    SELF_HOSTED("Self-hosted MongoDB: Teleport can provision users here automatically."),
    ATLAS("This is MongoDB Atlas. Teleport does not support automatic user provisioning on Atlas, because"
            + " Atlas manages database users per project through its own API, not inside the database."),
    DOCUMENTDB("This is Amazon DocumentDB. Teleport connects to DocumentDB with IAM users (MONGODB-AWS)"
            + " and has no automatic user provisioning for it.");

    private final String explanation;

    HostingPlatform(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    /**
     * Detects the platform from the hosts of the connection string (Atlas: {@code *.mongodb.net};
     * DocumentDB: {@code *.docdb.amazonaws.com}) and from hints in the {@code hello} and
     * {@code buildInfo} replies, which matter when the console goes through a tunnel or a proxy.
     */
    public static HostingPlatform detect(List<String> hosts, Document hello, Document buildInfo) {
        for (String host : hosts) {
            String name = host.toLowerCase(Locale.ROOT).replaceAll(":\\d+$", "");
            if (name.endsWith(".mongodb.net") || name.endsWith(".mongodb-dev.net") || name.endsWith(".mongodbgov.net")) {
                return ATLAS;
            }
            if (name.endsWith(".docdb.amazonaws.com") || name.endsWith(".docdb-elastic.amazonaws.com")) {
                return DOCUMENTDB;
            }
        }
        String replies = (hello.toJson() + " " + buildInfo.toJson()).toLowerCase(Locale.ROOT);
        if (replies.contains("docdb") || replies.contains("documentdb")) {
            return DOCUMENTDB;
        }
        if (replies.contains("mongodb.net") || replies.contains("atlas")) {
            return ATLAS;
        }
        return SELF_HOSTED;
    }
}
