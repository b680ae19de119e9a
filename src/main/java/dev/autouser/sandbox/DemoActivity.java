package dev.autouser.sandbox;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.autouser.core.pki.ClientIdentity;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.pki.SslContexts;
import dev.autouser.sandbox.demo.DemoSchedule;
import dev.autouser.sandbox.security.AuthenticationRestriction;
import dev.autouser.sandbox.security.UserId;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Real, changing activity for the demo: authenticated driver connections as auto-users (X.509 with
 * their certificates, app names like mongosh or Compass) that come and go. Like Teleport in
 * {@code keep} mode, a session for a locked user first unlocks it, and some users are locked again
 * when their session ends. Everything runs on one background thread.
 */
public final class DemoActivity implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoActivity.class);
    private static final List<String> APP_NAMES = List.of("mongosh 2.3.1", "MongoDB Compass", "Studio 3T",
            "DataGrip", "mongosh 2.2.15");
    private static final int MIN_SESSIONS = 4;
    private static final int MAX_SESSIONS = 11;

    private final SandboxCluster cluster;
    private final DevPki pki;
    private final List<DemoData.DemoUser> roster;
    private final Map<String, MongoClient> sessions = new ConcurrentHashMap<>();
    private final Random random = new Random();
    private DemoSchedule schedule;

    private DemoActivity(SandboxCluster cluster, DevPki pki, List<DemoData.DemoUser> roster) {
        this.cluster = cluster;
        this.pki = pki;
        this.roster = roster;
    }

    /** Opens the sessions of the roster's active users in the background, then changes them every {@code tick}. */
    public static DemoActivity start(SandboxServer server, DevPki pki, DemoData.Seeded seeded, Duration tick) {
        return start(SandboxCluster.of(server), pki, seeded, tick);
    }

    /**
     * On a replica set or behind several routers, each user's sessions go to one node only, in turn
     * (the primary, a secondary, the other secondary; the first mongos, the second): users connected
     * only to a secondary or only through the second mongos are part of the demo.
     */
    public static DemoActivity start(SandboxCluster cluster, DevPki pki, DemoData.Seeded seeded, Duration tick) {
        DemoActivity activity = new DemoActivity(cluster, pki, seeded.autoUsers());
        activity.schedule = DemoSchedule.start("demo-activity", activity::openInitialSessions, activity::tick, tick,
                LOG, "Demo activity step failed");
        return activity;
    }

    /** Waits until the initial sessions are open; false on timeout. */
    public boolean awaitInitialSessions(Duration timeout) throws InterruptedException {
        return schedule.awaitInitialSessions(timeout);
    }

    /** Teleport names with a session open right now. */
    public List<String> activeUsers() {
        return new ArrayList<>(sessions.keySet());
    }

    private void openInitialSessions() {
        for (DemoData.DemoUser user : roster) {
            if (user.state() == DemoData.DemoState.ACTIVE) {
                open(user);
            }
        }
    }

    /** One step: end a session, start one, or both, keeping the count between the bounds. */
    void tick() {
        if (roster.isEmpty()) {
            return;
        }
        if (sessions.size() > MIN_SESSIONS && (sessions.size() >= MAX_SESSIONS || random.nextBoolean())) {
            List<String> names = activeUsers();
            end(names.get(random.nextInt(names.size())));
        }
        if (sessions.size() < MAX_SESSIONS && random.nextInt(3) > 0) {
            // Users the console dropped are gone for good: Teleport would recreate them, the demo does not.
            List<DemoData.DemoUser> offline = roster.stream()
                    .filter(user -> !sessions.containsKey(user.teleportName()))
                    .filter(user -> cluster.security().users().contains(new UserId(user.mongoName(), "$external")))
                    .toList();
            if (!offline.isEmpty()) {
                open(offline.get(random.nextInt(offline.size())));
            }
        }
    }

    /** Like Teleport's activate: unlock with the granted roles, then connect as the user. */
    private void open(DemoData.DemoUser user) {
        cluster.security().users().update(new UserId(user.mongoName(), "$external"),
                stored -> stored.withRoles(user.roles()).withRestrictions(List.of()));
        MongoClient client = MongoClients.create(settings(user));
        try {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            sessions.put(user.teleportName(), client);
        } catch (RuntimeException e) {
            client.close();
            LOG.warn("Demo session for {} did not start: {}", user.teleportName(), e.getMessage());
        }
    }

    /** Ends the session; a third of the time the user is locked afterwards, like Teleport's keep mode. */
    private void end(String teleportName) {
        MongoClient client = sessions.remove(teleportName);
        if (client != null) {
            client.close();
        }
        if (random.nextInt(3) == 0) {
            cluster.security().users().update(new UserId("CN=" + teleportName, "$external"),
                    stored -> stored.withRoles(List.of())
                            .withRestrictions(List.of(AuthenticationRestriction.teleportLock())));
        }
    }

    private MongoClientSettings settings(DemoData.DemoUser user) {
        ClientIdentity identity = ClientIdentity.load(DemoData.userFile(pki, user.teleportName()), null, null);
        MongoClientSettings.Builder builder = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(cluster.connectionString()))
                .applyToSslSettings(ssl -> ssl.enabled(true)
                        .context(SslContexts.forClient(List.of(pki.caCertificate()), identity)))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .credential(MongoCredential.createMongoX509Credential())
                .applicationName(APP_NAMES.get(random.nextInt(APP_NAMES.size())));
        if (cluster.nodes().size() > 1) {
            String host = cluster.hosts().get(roster.indexOf(user) % cluster.nodes().size());
            builder.applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress(host)))
                    .mode(ClusterConnectionMode.SINGLE).requiredReplicaSetName(null));
        }
        return builder.build();
    }

    @Override
    public void close() {
        schedule.close();
        sessions.values().forEach(MongoClient::close);
        sessions.clear();
    }
}
