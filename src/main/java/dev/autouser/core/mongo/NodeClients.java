package dev.autouser.core.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterConnectionMode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One direct driver client per node (member or router), opened on first use with the gateway's
 * settings (same TLS, same credentials) and kept for later listings. A direct connection talks to
 * that node only, which is what a node-local {@code $currentOp} needs; the driver then reads from
 * a secondary with {@code primaryPreferred}, as MongoDB expects of a direct client.
 */
final class NodeClients implements AutoCloseable {
    private final MongoClientSettings base;
    private final Duration timeout;
    private final Map<String, MongoClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    NodeClients(MongoClientSettings base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    MongoClient of(String host) {
        if (closed) {
            throw new IllegalStateException("The connection is closed.");
        }
        return clients.computeIfAbsent(host, h -> MongoClients.create(direct(h)));
    }

    /** Bounded everywhere: selecting the node, connecting and each read wait at most a few timeouts. */
    private MongoClientSettings direct(String host) {
        long millis = timeout.toMillis();
        return MongoClientSettings.builder(base)
                .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress(host)))
                        .mode(ClusterConnectionMode.SINGLE).requiredReplicaSetName(null)
                        .serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) (millis * 3), TimeUnit.MILLISECONDS))
                .build();
    }

    @Override
    public void close() {
        closed = true;
        clients.values().forEach(MongoClient::close);
        clients.clear();
    }
}
