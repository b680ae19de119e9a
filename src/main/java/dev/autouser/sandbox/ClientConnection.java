package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import dev.autouser.sandbox.security.UserId;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLPeerUnverifiedException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the server knows about one client connection: its number ({@code conn<N>}), peer address,
 * the handshake's client metadata, the users authenticated on it and the command it is running.
 */
public final class ClientConnection {
    private final int id;
    private final Channel channel;
    private final Instant connectedAt = Instant.now();
    private final List<UserId> users = new CopyOnWriteArrayList<>();
    /** The {@code userId} each logged-in user had at login: a re-created user has another one. */
    private final ConcurrentHashMap<UserId, UUID> loginGenerations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, ScramConversation> conversations = new ConcurrentHashMap<>();
    private volatile Document clientMetadata;
    private volatile RunningCommand running;

    ClientConnection(int id, Channel channel) {
        this.id = id;
        this.channel = channel;
    }

    public int id() {
        return id;
    }

    public InetSocketAddress clientAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    public InetSocketAddress serverAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** "ip:port" as MongoDB prints the {@code client} field. */
    public String clientText() {
        InetSocketAddress address = clientAddress();
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public Optional<Document> clientMetadata() {
        return Optional.ofNullable(clientMetadata);
    }

    /** The handshake may only set metadata once, as in MongoDB (later hellos must not change it). */
    boolean rememberClientMetadata(Document metadata) {
        if (clientMetadata != null) {
            return false;
        }
        clientMetadata = metadata;
        return true;
    }

    public Optional<String> appName() {
        return clientMetadata().map(m -> m.get("application"))
                .filter(Document.class::isInstance).map(a -> ((Document) a).get("name"))
                .filter(String.class::isInstance).map(String.class::cast);
    }

    public List<UserId> users() {
        return List.copyOf(users);
    }

    public boolean isAuthenticated() {
        return !users.isEmpty();
    }

    /** MongoDB keeps one user per database on a connection: a new login replaces the old one there. */
    void authenticated(UserId user, UUID generation) {
        logout(user.db());
        loginGenerations.put(user, generation);
        users.add(user);
    }

    void logout(String db) {
        users.removeIf(existing -> existing.db().equals(db));
        loginGenerations.keySet().removeIf(existing -> existing.db().equals(db));
    }

    /** The {@code userId} {@code user} had when it logged in on this connection. */
    Optional<UUID> loginGeneration(UserId user) {
        return Optional.ofNullable(loginGenerations.get(user));
    }

    /** Drops {@code user} from this connection, as MongoDB's session refresh does for a changed user. */
    void forget(UserId user) {
        users.remove(user);
        loginGenerations.remove(user);
    }

    ConcurrentHashMap<Integer, ScramConversation> conversations() {
        return conversations;
    }

    /** The certificate the client presented during the TLS handshake, if any. */
    public Optional<X509Certificate> peerCertificate() {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? Optional.of(x509) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    public Optional<RunningCommand> running() {
        return Optional.ofNullable(running);
    }

    void started(RunningCommand command) {
        running = command;
    }

    void finished() {
        running = null;
    }

    List<UserId> usersSnapshot() {
        return new ArrayList<>(users);
    }

    void close() {
        channel.close();
    }
}
