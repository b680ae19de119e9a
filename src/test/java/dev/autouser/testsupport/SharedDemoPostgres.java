package dev.autouser.testsupport;

import dev.autouser.core.pki.DevPki;
import dev.autouser.core.postgres.teleport.TeleportAgent;
import dev.autouser.sandbox.postgres.DemoPostgresServer;
import dev.autouser.sandbox.postgres.PostgresDemoData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real embedded PostgreSQL (TLS, certificate logins, the demo's pg_hba) per test JVM, started on
 * first use and stopped at exit: Teleport's admin ({@code LOGIN CREATEROLE}) and the roles the
 * tests grant exist; tests use their own user names, so they never see each other's users.
 */
public final class SharedDemoPostgres {
    public static final String ADMIN = PostgresDemoData.TELEPORT_ADMIN;
    private static DemoPostgresServer server;

    private SharedDemoPostgres() {
    }

    public static synchronized DemoPostgresServer server() {
        if (server == null) {
            try {
                Path pki = Files.createTempDirectory("autouser-pg-test-pki");
                DemoPostgresServer started = DemoPostgresServer.start(DevPki.openOrCreate(pki), 0);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteTree(pki);
                }, "shared-demo-postgres-stop"));
                prepare(started);
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the shared PostgreSQL", e);
            }
        }
        return server;
    }

    /** Teleport's agent as {@code teleport-admin} with its certificate. */
    public static TeleportAgent agent() {
        return PostgresDemoData.agent(server());
    }

    /** A superuser connection (the bootstrap login) for arranging and checking. */
    public static Connection superuser(String database) throws SQLException {
        return server().connect(DemoPostgresServer.SUPERUSER, database, "autouser-test");
    }

    private static void prepare(DemoPostgresServer started) throws SQLException {
        try (Connection su = started.connect(DemoPostgresServer.SUPERUSER, "postgres", "autouser-test");
             Statement sql = su.createStatement()) {
            sql.execute("CREATE ROLE \"" + ADMIN + "\" LOGIN CREATEROLE");
            for (String role : new String[] {"t_reader", "t_writer", "t_developer"}) {
                sql.execute("CREATE ROLE " + role + " NOLOGIN");
                sql.execute("GRANT " + role + " TO \"" + ADMIN + "\" WITH ADMIN OPTION, INHERIT FALSE, SET FALSE");
            }
            sql.execute("CREATE SCHEMA t_scratch");
            sql.execute("GRANT USAGE, CREATE ON SCHEMA t_scratch TO t_developer");
            sql.execute("CREATE TABLE public.t_orders (id int)");
            sql.execute("CREATE TABLE public.t_customers (id int)");
            // db_permissions: the admin grants table privileges it holds WITH GRANT OPTION.
            sql.execute("GRANT ALL ON public.t_orders, public.t_customers TO \"" + ADMIN + "\" WITH GRANT OPTION");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder the OS cleans anyway.
        }
    }
}
