package dev.autouser.testsupport;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Secrets;
import dev.autouser.core.pki.ClientIdentity;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.pki.SslContexts;
import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.sandbox.SandboxServer;
import dev.autouser.sandbox.TeleportAdminRoles;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a test's MongoDB lives: the shared TLS sandbox of this JVM, or a real mongod named by
 * {@code MONGODB_TEST_URI} with its development CA in {@code MONGODB_TEST_PKI_DIR}. Everything goes
 * through the official driver over TCP/TLS with X.509 client certificates.
 */
public final class MongoTarget {
    public static final String DBA = "dba";
    public static final String TELEPORT_ADMIN = "teleport-admin";

    private final String uri;
    private final DevPki pki;
    private final SandboxServer server;
    private final SandboxCluster cluster;
    private MongoClient dba;
    private MongoClient teleportAdmin;

    private MongoTarget(String uri, DevPki pki, SandboxServer server) {
        this(uri, pki, server, null);
    }

    private MongoTarget(String uri, DevPki pki, SandboxServer server, SandboxCluster cluster) {
        this.uri = uri;
        this.pki = pki;
        this.server = server;
        this.cluster = cluster;
    }

    /** The one TLS sandbox of this JVM, seeded with {@code CN=dba} (root) and {@code CN=teleport-admin}. */
    public static MongoTarget sandbox() {
        return SharedSandbox.TARGET;
    }

    /** A 3-member TLS sandbox replica set of this JVM (URI with {@code replicaSet=}), seeded like {@link #sandbox()}. */
    public static MongoTarget replicaSet() {
        return SharedReplicaSet.TARGET;
    }

    /** Two TLS sandbox mongos routers of this JVM (multi-host URI), seeded like {@link #sandbox()}. */
    public static MongoTarget routers() {
        return SharedRouters.TARGET;
    }

    /** A new TLS sandbox replica set of its own, seeded like {@link #sandbox()}, for tests that stop members; close its cluster. */
    public static MongoTarget newReplicaSet(int members) {
        return clusterTarget(SandboxCluster.replicaSet(members));
    }

    /** A 4-member TLS sandbox replica set of this JVM whose member 3 is hidden, seeded like {@link #sandbox()}. */
    public static MongoTarget replicaSetWithHiddenMember() {
        return SharedHiddenMemberSet.TARGET;
    }

    /** A new TLS sandbox deployment of its own built from {@code builder} (e.g. with hidden members), seeded like {@link #sandbox()}; close its cluster. */
    public static MongoTarget newCluster(SandboxCluster.Builder builder) {
        return clusterTarget(builder);
    }

    /** A real mongod from the environment; callers guard with {@code @EnabledIfEnvironmentVariable}. */
    public static MongoTarget realFromEnvironment() {
        String uri = System.getenv("MONGODB_TEST_URI");
        String pkiDir = System.getenv("MONGODB_TEST_PKI_DIR");
        if (uri == null || uri.isBlank() || pkiDir == null || pkiDir.isBlank()) {
            throw new IllegalStateException("Set MONGODB_TEST_URI and MONGODB_TEST_PKI_DIR to test a real mongod.");
        }
        return new MongoTarget(uri, DevPki.openOrCreate(Path.of(pkiDir)), null);
    }

    public boolean isSandbox() {
        return server != null;
    }

    /** The sandbox server itself, for tests that seed it directly; empty for a real mongod. */
    public Optional<SandboxServer> sandboxServer() {
        return Optional.ofNullable(server);
    }

    /** The sandbox replica set or routers, for tests that stop members or step down; empty otherwise. */
    public Optional<SandboxCluster> sandboxCluster() {
        return Optional.ofNullable(cluster);
    }

    /** A client of {@code CN=<commonName>} connected directly to {@code host} only (one member or router). */
    public MongoClient connectDirectlyAs(String commonName, String host, String appNameOrNull) {
        return connectDirectlyAs(commonName, host, appNameOrNull, builder -> { });
    }

    /** {@link #connectDirectlyAs(String, String, String)} with settings of the test's own on top. */
    public MongoClient connectDirectlyAs(String commonName, String host, String appNameOrNull,
                                        java.util.function.Consumer<MongoClientSettings.Builder> tweak) {
        ClientIdentity identity = ClientIdentity.load(clientFile(commonName), null, null);
        MongoClientSettings.Builder builder = MongoClientSettings.builder(
                        settings(identity, MongoCredential.createMongoX509Credential(), appNameOrNull))
                .applyToClusterSettings(c -> c.hosts(List.of(new com.mongodb.ServerAddress(host)))
                        .mode(com.mongodb.connection.ClusterConnectionMode.SINGLE).requiredReplicaSetName(null));
        tweak.accept(builder);
        return MongoClients.create(builder.build());
    }

    public String uri() {
        return uri;
    }

    public Path caFile() {
        return pki.caFile();
    }

    public DevPki pki() {
        return pki;
    }

    /** Combined certificate + key PEM for {@code CN=<commonName>}, issued on first use. */
    public Path clientFile(String commonName) {
        return pki.clientFile(commonName, "clients/" + commonName.replaceAll("[^A-Za-z0-9._-]", "_") + ".pem");
    }

    /** A new client logged in with X.509 as {@code CN=<commonName>}; the caller closes it. */
    /** The console's own gateway as the DBA (its client certificate), waiting at most {@code timeout} per answer. */
    public MongoGateway dbaGateway(Duration timeout) {
        return MongoGateway.connect(ConnectionProfile.x509(uri(), caFile(), clientFile(DBA)), Secrets.of(null, null), timeout);
    }

    public MongoClient connectAs(String commonName) {
        return connectAs(commonName, null);
    }

    /** Like {@link #connectAs(String)}, announcing {@code appName} in the handshake. */
    public MongoClient connectAs(String commonName, String appNameOrNull) {
        ClientIdentity identity = ClientIdentity.load(clientFile(commonName), null, null);
        return MongoClients.create(settings(identity, MongoCredential.createMongoX509Credential(), appNameOrNull));
    }

    /** A new client logged in with SCRAM-SHA-256; it still presents a certificate, which TLS requires. */
    public MongoClient connectWithPassword(String user, String db, String password) {
        ClientIdentity identity = ClientIdentity.load(clientFile("scram-client"), null, null);
        MongoCredential credential = MongoCredential.createScramSha256Credential(user, db, password.toCharArray());
        return MongoClients.create(settings(identity, credential, null));
    }

    /** Like {@link #connectWithPassword} but letting the driver negotiate the mechanism, as mongosh does. */
    public MongoClient connectWithPasswordDefaultMechanism(String user, String db, String password) {
        ClientIdentity identity = ClientIdentity.load(clientFile("scram-client"), null, null);
        return MongoClients.create(settings(identity, MongoCredential.createCredential(user, db, password.toCharArray()), null));
    }

    /** A new client that presents a certificate but does not log in. */
    public MongoClient connectUnauthenticated() {
        ClientIdentity identity = ClientIdentity.load(clientFile("anonymous"), null, null);
        return MongoClients.create(settings(identity, null, null));
    }

    /** {@code CN=dba} (root); shared, do not close. */
    public synchronized MongoClient dba() {
        if (dba == null) {
            dba = connectAs(DBA);
        }
        return dba;
    }

    /** {@code CN=teleport-admin} (teleport-admin-role@admin); shared, do not close. */
    public synchronized MongoClient teleportAdmin() {
        if (teleportAdmin == null) {
            teleportAdmin = connectAs(TELEPORT_ADMIN);
        }
        return teleportAdmin;
    }

    private MongoClientSettings settings(ClientIdentity identity, MongoCredential credentialOrNull, String appName) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToSslSettings(ssl -> ssl.enabled(true)
                        .context(SslContexts.forClient(List.of(pki.caCertificate()), identity)))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS));
        if (credentialOrNull != null) {
            builder.credential(credentialOrNull);
        }
        if (appName != null) {
            builder.applicationName(appName);
        }
        return builder.build();
    }

    private static DevPki newPki() {
        try {
            return DevPki.openOrCreate(Files.createTempDirectory("autouser-sandbox-pki"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the sandbox's PKI folder", e);
        }
    }

    private static void seedLogins(dev.autouser.sandbox.security.SecurityState security) {
        security.roles().put(TeleportAdminRoles.full());
        security.users().put(StoredUser.x509("CN=" + DBA, List.of(RoleId.of("root", "admin"))));
        security.users().put(TeleportAdminRoles.adminUser());
    }

    private static MongoTarget clusterTarget(SandboxCluster.Builder builder) {
        DevPki pki = newPki();
        SandboxCluster cluster = builder.tls(pki).start();
        seedLogins(cluster.security());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "sandbox-cluster-shutdown"));
        return new MongoTarget(cluster.connectionString(), pki, cluster.first(), cluster);
    }

    private static final class SharedSandbox {
        static final MongoTarget TARGET = start();

        private static MongoTarget start() {
            DevPki pki = newPki();
            SandboxServer server = SandboxServer.builder().port(0).tls(pki).build().start();
            seedLogins(server.security());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sandbox-shutdown"));
            return new MongoTarget(server.connectionString(), pki, server);
        }
    }

    private static final class SharedReplicaSet {
        static final MongoTarget TARGET = clusterTarget(SandboxCluster.replicaSet(3));
    }

    private static final class SharedHiddenMemberSet {
        static final MongoTarget TARGET = clusterTarget(SandboxCluster.replicaSet(4).hidden(3));
    }

    private static final class SharedRouters {
        static final MongoTarget TARGET = clusterTarget(SandboxCluster.routers(2));
    }
}
