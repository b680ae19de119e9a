package dev.autouser.sandbox;

import dev.autouser.core.pki.DevPki;
import dev.autouser.sandbox.security.SecurityState;
import io.netty.handler.ssl.SslContext;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded MongoDB-compatible server: the demo target and the test target.
 * <pre>
 * SandboxServer server = SandboxServer.builder().port(0).tls(pki).serverVersion("7.0.14").build().start();
 * </pre>
 */
public final class SandboxServer implements AutoCloseable {
    public static final String DEFAULT_VERSION = "7.0.14";

    private final String host;
    private final int requestedPort;
    private final DevPki pki;
    private final ReportedVersion version;
    private final boolean localhostAuthBypass;
    private final boolean accessControl;
    private final SecurityState security;
    private final NodeRole role;
    private final ConnectionRegistry connections = new ConnectionRegistry();
    private SandboxTransport transport;
    private SandboxBackend backend;
    private int port = -1;

    private SandboxServer(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.pki = builder.pki;
        this.version = builder.version;
        this.localhostAuthBypass = builder.localhostAuthBypass;
        this.accessControl = builder.accessControl;
        this.security = builder.security != null ? builder.security : new SecurityState();
        this.role = builder.role;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts answering; returns this for chaining. */
    public synchronized SandboxServer start() {
        if (transport != null) {
            throw new IllegalStateException("The sandbox server is already running.");
        }
        backend = new SandboxBackend(version, security, connections, role, localhostAuthBypass, accessControl);
        port = listen(requestedPort);
        backend.listeningOn(port);
        return this;
    }

    private int listen(int onPort) {
        SslContext ssl = pki == null ? null : SandboxTransport.requireClientCertificates(pki);
        SandboxTransport starting = new SandboxTransport();
        try {
            int bound = starting.bind(host, onPort, backend, ssl, role.topologyVersion(), connections::of).getPort();
            transport = starting;
            return bound;
        } catch (Exception e) {
            // Netty rethrows the bind's checked exception (BindException) unchecked.
            starting.close();
            throw new IllegalStateException("Cannot listen on port " + onPort + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops listening and closes every client connection, keeping the data: a member that went down.
     * {@link #resume()} listens again on the same port.
     */
    public synchronized void suspend() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    /** Listens again on the port it had, after {@link #suspend()}. */
    public synchronized void resume() {
        if (backend == null) {
            throw new IllegalStateException("The sandbox server is not started.");
        }
        if (transport == null) {
            listen(port);
        }
    }

    public synchronized boolean isListening() {
        return transport != null;
    }

    /** The port actually bound (the ephemeral one when built with port 0). */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("The sandbox server is not started.");
        }
        return port;
    }

    /** {@code mongodb://localhost:PORT/} plus {@code ?tls=true} when TLS is on. */
    public String connectionString() {
        return "mongodb://localhost:" + port() + "/" + (pki == null ? "" : "?tls=true");
    }

    public SecurityState security() {
        return security;
    }

    public Optional<DevPki> pki() {
        return Optional.ofNullable(pki);
    }

    public ReportedVersion version() {
        return version;
    }

    /**
     * Test hook: hold a login between "user read" and "login attached", as a busy mongod can
     * (see {@link LateLogins}). Kept across {@link #suspend()}/{@link #resume()}.
     */
    public synchronized LateLogins lateLogins() {
        if (backend == null) {
            throw new IllegalStateException("The sandbox server is not started.");
        }
        return backend.lateLogins();
    }

    /** Open client connections, in connection-number order (what currentOp lists). */
    public List<ClientConnection> connections() {
        return connections.all();
    }

    /** Seeds documents directly (like an init script), bypassing authentication and authorization. */
    public void insertDocuments(String db, String collection, List<de.bwaldvogel.mongo.bson.Document> documents) {
        if (backend == null) {
            throw new IllegalStateException("The sandbox server is not started.");
        }
        var database = backend.resolveDatabase(db);
        var target = database.resolveCollection(collection, false);
        if (target == null) {
            target = database.createCollectionOrThrowIfExists(collection);
        }
        target.insertDocuments(documents);
    }

    @Override
    public synchronized void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    /** Options for a sandbox server; everything has a sensible default. */
    public static final class Builder {
        private String host = "localhost";
        private int port;
        private DevPki pki;
        private ReportedVersion version = ReportedVersion.parse(DEFAULT_VERSION);
        private boolean localhostAuthBypass;
        private boolean accessControl = true;
        private SecurityState security;
        private NodeRole role = NodeRole.STANDALONE;

        private Builder() {
        }

        /** The user and role store, shared by the members and routers of one deployment. */
        Builder security(SecurityState shared) {
            this.security = Objects.requireNonNull(shared, "shared");
            return this;
        }

        /** Standalone (the default), replica-set member or router. */
        Builder role(NodeRole nodeRole) {
            this.role = Objects.requireNonNull(nodeRole, "nodeRole");
            return this;
        }

        /** 0 (the default) picks a free ephemeral port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Port must be between 0 and 65535, not " + port + ".");
            }
            this.port = port;
            return this;
        }

        /** The interface to listen on; {@code localhost} by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** TLS requiring a client certificate signed by {@code pki}'s CA. */
        public Builder tls(DevPki pki) {
            this.pki = Objects.requireNonNull(pki, "pki");
            return this;
        }

        /** The version {@code buildInfo} reports, e.g. "7.0.14" or "5.0.26". */
        public Builder serverVersion(String version) {
            this.version = ReportedVersion.parse(version);
            return this;
        }

        /**
         * MongoDB's localhost exception ({@code enableLocalhostAuthBypass}, on by default in mongod):
         * while the server has no user and no role, a client on the loopback interface may run
         * anything without logging in, so it can create the first user. Off by default here
         * because the demo and test seeds always start with their logins.
         */
        public Builder localhostAuthBypass(boolean enabled) {
            this.localhostAuthBypass = enabled;
            return this;
        }

        /**
         * {@code false}: like mongod started without {@code --auth}, no command is checked against
         * privileges (logins still work). Only for running MongoDB's own tests that expect that.
         */
        public Builder accessControl(boolean enabled) {
            this.accessControl = enabled;
            return this;
        }

        public SandboxServer build() {
            return new SandboxServer(this);
        }
    }
}
