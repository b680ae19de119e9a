package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;

/**
 * What one sandbox node is in its deployment: a standalone mongod, a replica-set member or a
 * mongos router. The node asks its role for the topology fields of {@code hello}, whether it takes
 * writes, what {@code replSetGetStatus} says, and which cluster time to gossip.
 */
interface NodeRole {
    /** A standalone mongod: writable, no replication, no cluster time (as MongoDB). */
    NodeRole STANDALONE = new NodeRole() {
    };

    /** Adds the role's fields to a {@code hello} / {@code isMaster} reply. */
    default void describe(Document reply, boolean helloSpelling) {
        reply.put(helloSpelling ? "isWritablePrimary" : "ismaster", true);
    }

    /** Throws 10107 NotWritablePrimary when this node takes no writes. */
    default void checkWritable(String command) {
    }

    /** {@code replSetGetStatus}; a standalone answers 76 NoReplicationEnabled as mongod does. */
    default Document replSetGetStatus() {
        throw new de.bwaldvogel.mongo.exception.MongoServerError(76, "NoReplicationEnabled",
                "not running with --replSet");
    }

    /** {@code replSetGetConfig}; a standalone answers 76 NoReplicationEnabled as mongod does. */
    default Document replSetGetConfig() {
        return replSetGetStatus();
    }

    /**
     * Waits for a write's {@code writeConcern} where replication exists; a standalone and a router
     * (the config servers' own majority is not modelled) answer at once.
     */
    default void awaitWriteConcern(Document command, Document reply) {
    }

    /** Adds {@code $clusterTime} and {@code operationTime} to a reply where MongoDB sends them. */
    default void gossip(Document reply, boolean wrote) {
    }

    /** A mongos reports its own clients only with {@code localOps: true}; otherwise the shards' operations. */
    default boolean isRouter() {
        return false;
    }

    /** A replica-set member's awaitable hello waits on this; a standalone never changes. */
    default TopologyVersion topologyVersion() {
        return null;
    }
}
