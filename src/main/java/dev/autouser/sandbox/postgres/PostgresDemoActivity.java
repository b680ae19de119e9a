package dev.autouser.sandbox.postgres;

import dev.autouser.core.postgres.teleport.TeleportAgent;
import dev.autouser.core.postgres.teleport.TeleportRefusal;
import dev.autouser.sandbox.demo.DemoSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live sessions for the PostgreSQL demo, each as Teleport runs one: activate through Teleport's
 * procedure, a real JDBC connection as the user (its certificate, an application name), and at the
 * end the user's mode: deactivate ({@code keep}) or delete ({@code best_effort_drop}). Users someone
 * else dropped (the console) stay gone; users someone locked are re-activated by their next session,
 * as Teleport does. Everything runs on one background thread.
 */
public final class PostgresDemoActivity implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDemoActivity.class);
    private static final List<String> APPLICATIONS = List.of("psql", "pgAdmin 4 - CONN:4411873", "DBeaver 24.2.1 - Main",
            "DataGrip 2024.2.2", "psql");
    private static final int MIN_SESSIONS = 4;
    private static final int MAX_SESSIONS = 9;

    private final DemoPostgresServer server;
    private final TeleportAgent agent;
    private final Map<String, Connection> sessions = new ConcurrentHashMap<>();
    private final Set<String> droppedByTeleport = ConcurrentHashMap.newKeySet();
    private final Random random = new Random();
    private DemoSchedule schedule;

    private PostgresDemoActivity(DemoPostgresServer server) {
        this.server = server;
        this.agent = PostgresDemoData.agent(server);
        PostgresDemoRoster.USERS.stream()
                .filter(u -> u.start() == PostgresDemoRoster.Start.CHURN && u.mode() == PostgresDemoRoster.Mode.BEST_EFFORT_DROP)
                .forEach(u -> droppedByTeleport.add(u.name()));
    }

    /** Opens the roster's active sessions in the background, then changes sessions every {@code tick}. */
    public static PostgresDemoActivity start(DemoPostgresServer server, Duration tick) {
        PostgresDemoActivity activity = new PostgresDemoActivity(server);
        activity.schedule = DemoSchedule.start("postgres-demo-activity", activity::openInitialSessions, activity::tick,
                tick, LOG, "PostgreSQL demo activity step failed");
        return activity;
    }

    public boolean awaitInitialSessions(Duration timeout) throws InterruptedException {
        return schedule.awaitInitialSessions(timeout);
    }

    /** Users with a demo session open right now. */
    public List<String> activeUsers() {
        return new ArrayList<>(sessions.keySet());
    }

    private void openInitialSessions() {
        for (PostgresDemoRoster.DemoUser user : PostgresDemoRoster.USERS) {
            if (user.start() == PostgresDemoRoster.Start.ACTIVE) {
                open(user);
            }
        }
    }

    private void tick() {
        if (sessions.size() > MIN_SESSIONS && (sessions.size() >= MAX_SESSIONS || random.nextBoolean())) {
            List<String> names = activeUsers();
            end(names.get(random.nextInt(names.size())));
        }
        if (sessions.size() < MAX_SESSIONS && random.nextInt(3) > 0) {
            List<PostgresDemoRoster.DemoUser> offline = PostgresDemoRoster.USERS.stream()
                    .filter(u -> u.start() == PostgresDemoRoster.Start.CHURN || u.start() == PostgresDemoRoster.Start.ACTIVE)
                    .filter(u -> !sessions.containsKey(u.name()))
                    .filter(this::mayReturn)
                    .toList();
            if (!offline.isEmpty()) {
                open(offline.get(random.nextInt(offline.size())));
            }
        }
    }

    /** Teleport re-creates users it dropped itself; one the console dropped does not come back in the demo. */
    private boolean mayReturn(PostgresDemoRoster.DemoUser user) {
        return droppedByTeleport.contains(user.name()) || exists(user.name());
    }

    private void open(PostgresDemoRoster.DemoUser user) {
        try {
            agent.activate(user.name(), user.roles());
            droppedByTeleport.remove(user.name());
            String database = PostgresDemoData.DATABASES.get(random.nextInt(PostgresDemoData.DATABASES.size()));
            Connection session = server.connect(user.name(), database, APPLICATIONS.get(random.nextInt(APPLICATIONS.size())));
            sessions.put(user.name(), session);
        } catch (TeleportRefusal | SQLException | RuntimeException e) {
            LOG.info("Demo session for {} did not start: {}", user.name(), e.getMessage());
        }
    }

    private void end(String name) {
        Connection session = sessions.remove(name);
        closeQuietly(session);
        PostgresDemoRoster.DemoUser user = PostgresDemoRoster.USERS.stream()
                .filter(u -> u.name().equals(name)).findFirst().orElseThrow();
        try {
            PostgresDemoData.awaitNoSession(server, name);
            if (user.mode() == PostgresDemoRoster.Mode.BEST_EFFORT_DROP) {
                if (agent.delete(name) == TeleportAgent.Outcome.DROPPED) {
                    droppedByTeleport.add(name);
                }
            } else {
                agent.deactivate(name);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.info("Teleport's session end for {} failed: {}", name, e.getMessage());
        }
    }

    private boolean exists(String name) {
        try (Connection su = server.connect(DemoPostgresServer.SUPERUSER, PostgresDemoData.DEFAULT_DATABASE, "autouser-demo");
             PreparedStatement query = su.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The server may already have ended it (a console lock does not, a drop does).
        }
    }

    @Override
    public void close() {
        schedule.close();
        sessions.values().forEach(PostgresDemoActivity::closeQuietly);
        sessions.clear();
    }
}
