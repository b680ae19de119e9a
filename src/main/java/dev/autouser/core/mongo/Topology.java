package dev.autouser.core.mongo;

import org.bson.Document;

/** The kind of node the console is talking to, from the {@code hello} reply. */
public enum Topology {
    STANDALONE("standalone"),
    REPLICA_SET_PRIMARY("replica set primary"),
    REPLICA_SET_SECONDARY("replica set secondary"),
    SHARDED("sharded cluster (mongos)"),
    OTHER("other");

    private final String label;

    Topology(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Topology from(Document hello) {
        if ("isdbgrid".equals(hello.get("msg"))) {
            return SHARDED;
        }
        if (hello.get("setName") != null) {
            if (Boolean.TRUE.equals(hello.get("isWritablePrimary")) || Boolean.TRUE.equals(hello.get("ismaster"))) {
                return REPLICA_SET_PRIMARY;
            }
            return Boolean.TRUE.equals(hello.get("secondary")) ? REPLICA_SET_SECONDARY : OTHER;
        }
        return STANDALONE;
    }
}
