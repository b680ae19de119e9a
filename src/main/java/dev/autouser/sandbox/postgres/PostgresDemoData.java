package dev.autouser.sandbox.postgres;

import dev.autouser.core.postgres.teleport.TeleportAgent;
import dev.autouser.core.postgres.teleport.TeleportRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Seeds the PostgreSQL demo: the DBA and Teleport's admin (certificate logins), databases, schemas
 * and the roles Teleport grants, login roles outside the group, then every auto-user brought to its
 * starting state by Teleport's own procedures ({@link TeleportAgent}) and real sessions.
 */
public final class PostgresDemoData {
    public static final String DBA = "dba";
    public static final String TELEPORT_ADMIN = "teleport-admin";
    public static final String DEFAULT_DATABASE = "postgres";
    public static final List<String> DATABASES = List.of("postgres", "appdb", "reporting");
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDemoData.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the seed made: the certificate files to log in with and the outsiders' passwords. */
    public record Seeded(Path dbaFile, Path teleportAdminFile, Map<String, String> outsiderPasswords) {
    }

    private PostgresDemoData() {
    }

    /** A Teleport agent that logs in as {@code teleport-admin} with its certificate, as the db service does. */
    public static TeleportAgent agent(DemoPostgresServer server) {
        return new TeleportAgent(database -> server.connect(TELEPORT_ADMIN, database, ""), TELEPORT_ADMIN,
                DEFAULT_DATABASE);
    }

    /** Everything but the live sessions; {@code progress} hears each step ("Seeding auto-users ..."). */
    public static Seeded seed(DemoPostgresServer server, Consumer<String> progress) throws SQLException {
        progress.accept("Creating logins, databases and roles");
        Map<String, String> passwords;
        try (Connection su = server.connect(DemoPostgresServer.SUPERUSER, DEFAULT_DATABASE, "autouser-demo");
             Statement sql = su.createStatement()) {
            sql.execute("CREATE ROLE " + q(DBA) + " LOGIN SUPERUSER");
            // Teleport's guide: LOGIN CREATEROLE. On 16+ granting a role needs its ADMIN OPTION too.
            sql.execute("CREATE ROLE " + q(TELEPORT_ADMIN) + " LOGIN CREATEROLE");
            for (String role : PostgresDemoRoster.DATABASE_ROLES) {
                sql.execute("CREATE ROLE " + q(role) + " NOLOGIN");
                sql.execute("GRANT " + q(role) + " TO " + q(TELEPORT_ADMIN) + " WITH ADMIN OPTION, INHERIT FALSE, SET FALSE");
            }
            for (String database : DATABASES.subList(1, DATABASES.size())) {
                sql.execute("CREATE DATABASE " + q(database));
            }
            passwords = createOutsiders(sql);
        }
        createObjects(server);
        Path dba = server.clientFile(DBA);
        Path admin = server.clientFile(TELEPORT_ADMIN);
        seedAutoUsers(server, progress);
        return new Seeded(dba, admin, passwords);
    }

    private static Map<String, String> createOutsiders(Statement sql) throws SQLException {
        Map<String, String> passwords = new java.util.LinkedHashMap<>();
        for (PostgresDemoRoster.Outsider outsider : PostgresDemoRoster.OUTSIDERS) {
            String password = HexFormat.of().formatHex(RANDOM.generateSeed(12));
            sql.execute("CREATE ROLE " + q(outsider.name()) + " LOGIN PASSWORD '" + password + "'");
            sql.execute("COMMENT ON ROLE " + q(outsider.name()) + " IS '" + outsider.why().replace("'", "''") + "'");
            passwords.put(outsider.name(), password);
        }
        sql.execute("GRANT reader TO reporting_svc");
        return passwords;
    }

    /** Tables the roles read and write; {@code scratch} is where {@code developer} may create its own. */
    private static void createObjects(DemoPostgresServer server) throws SQLException {
        try (Connection su = server.connect(DemoPostgresServer.SUPERUSER, "appdb", "autouser-demo");
             Statement sql = su.createStatement()) {
            sql.execute("CREATE SCHEMA sales");
            sql.execute("CREATE TABLE sales.customers (id bigint PRIMARY KEY, name text NOT NULL)");
            sql.execute("CREATE TABLE sales.orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES sales.customers,"
                    + " total numeric(12,2) NOT NULL)");
            sql.execute("INSERT INTO sales.customers SELECT g, 'customer ' || g FROM generate_series(1, 50) g");
            sql.execute("INSERT INTO sales.orders SELECT g, 1 + g % 50, g * 3.5 FROM generate_series(1, 500) g");
            sql.execute("GRANT USAGE ON SCHEMA sales TO reader, writer");
            sql.execute("GRANT SELECT ON ALL TABLES IN SCHEMA sales TO reader");
            sql.execute("GRANT INSERT, UPDATE ON ALL TABLES IN SCHEMA sales TO writer");
            sql.execute("CREATE SCHEMA scratch");
            sql.execute("GRANT USAGE, CREATE ON SCHEMA scratch TO developer");
            sql.execute("ALTER TABLE sales.customers OWNER TO app_backend");
        }
        try (Connection su = server.connect(DemoPostgresServer.SUPERUSER, "reporting", "autouser-demo");
             Statement sql = su.createStatement()) {
            sql.execute("CREATE TABLE daily_revenue (day date PRIMARY KEY, revenue numeric(14,2))");
            sql.execute("INSERT INTO daily_revenue SELECT current_date - g, 1000 + g * 17 FROM generate_series(1, 90) g");
            sql.execute("GRANT SELECT ON daily_revenue TO analyst");
        }
    }

    private static void seedAutoUsers(DemoPostgresServer server, Consumer<String> progress) throws SQLException {
        TeleportAgent agent = agent(server);
        progress.accept("Provisioning auto-users through Teleport's procedures");
        for (PostgresDemoRoster.DemoUser user : PostgresDemoRoster.USERS) {
            try {
                switch (user.start()) {
                    case ACTIVE, UNLOCKED_IDLE -> agent.activate(user.name(), user.roles());
                    case LOCKED -> {
                        agent.activate(user.name(), user.roles());
                        agent.deactivate(user.name());
                    }
                    case CHURN -> {
                        if (user.mode() == PostgresDemoRoster.Mode.KEEP) {
                            agent.activate(user.name(), user.roles());
                            agent.deactivate(user.name());
                        }
                    }
                    case OWNS_OBJECTS -> ownObjectsThenDelete(server, agent, user);
                }
            } catch (TeleportRefusal e) {
                throw new SQLException("Teleport refused " + user.name() + ": " + e.getMessage(), e);
            }
        }
        try {
            agent.activate("zoe", List.of("reader"));
        } catch (TeleportRefusal e) {
            LOG.info("As on a real server, Teleport refused the demo's zoe: {}", e.getMessage());
        }
    }

    /** A session that creates a table, then Teleport's best_effort_drop: 2BP01, so TP004 and deactivated. */
    private static void ownObjectsThenDelete(DemoPostgresServer server, TeleportAgent agent,
                                             PostgresDemoRoster.DemoUser user) throws SQLException, TeleportRefusal {
        agent.activate(user.name(), user.roles());
        try (Connection session = server.connect(user.name(), "appdb", "psql");
             Statement sql = session.createStatement()) {
            String table = user.name().replaceAll("[^a-z0-9]", "_") + "_notes";
            sql.execute("CREATE TABLE scratch." + q(table) + " (id serial PRIMARY KEY, note text)");
            sql.execute("CREATE VIEW scratch." + q(table + "_recent") + " AS SELECT * FROM scratch." + q(table));
        }
        awaitNoSession(server, user.name());
        TeleportAgent.Outcome outcome = agent.delete(user.name());
        LOG.debug("Teleport's delete of {}: {}", user.name(), outcome);
    }

    /** The backend of a closed connection leaves pg_stat_activity a moment later; Teleport's next step needs it gone. */
    static void awaitNoSession(DemoPostgresServer server, String user) throws SQLException {
        try (Connection su = server.connect(DemoPostgresServer.SUPERUSER, DEFAULT_DATABASE, "autouser-demo");
             PreparedStatement count = su.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE usename = ?")) {
            count.setString(1, user);
            for (int i = 0; i < 100; i++) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Names of the roles that are members of {@code teleport-auto-user} right now. */
    public static List<String> autoUserNames(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
                     + " WHERE m.roleid = 'teleport-auto-user'::regrole ORDER BY 1")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
