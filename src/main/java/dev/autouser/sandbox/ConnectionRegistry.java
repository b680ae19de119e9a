package dev.autouser.sandbox;

import io.netty.channel.Channel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Every open client connection, numbered from 1 like MongoDB's {@code conn<N>}. */
public final class ConnectionRegistry {
    private final Map<Channel, ClientConnection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final AtomicLong opIds = new AtomicLong();

    /** The connection for {@code channel}, registered on first sight. */
    public ClientConnection of(Channel channel) {
        return connections.computeIfAbsent(channel, c -> new ClientConnection(connectionIds.incrementAndGet(), c));
    }

    void forget(Channel channel) {
        connections.remove(channel);
    }

    long nextOpId() {
        return opIds.incrementAndGet();
    }

    /** Open connections ordered by connection number. */
    public List<ClientConnection> all() {
        List<ClientConnection> list = new ArrayList<>(connections.values());
        list.sort(Comparator.comparingInt(ClientConnection::id));
        return list;
    }

    /** Connections accepted since the server started. */
    public int totalCreated() {
        return connectionIds.get();
    }

    public int size() {
        return connections.size();
    }
}
