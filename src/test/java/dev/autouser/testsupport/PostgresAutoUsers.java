package dev.autouser.testsupport;

import dev.autouser.core.ConnectionLostException;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ObservedListing;
import dev.autouser.core.history.ObservedUser;
import dev.autouser.core.history.ServerName;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.postgres.AutoUserSql;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.SqlCommand;
import dev.autouser.core.postgres.SqlText;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Auto-users on the shared PostgreSQL for one test: members of {@code teleport-auto-user} made the way
 * Teleport's activation leaves them (LOGIN or NOLOGIN, direct roles), sessions as them, tables they own;
 * {@link #close()} hands their objects to {@code dba} and drops them, so tests do not see each other's.
 */
public final class PostgresAutoUsers implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);

    private final PostgresTarget target = PostgresTarget.shared();
    private final String prefix;
    private final List<String> created = new ArrayList<>();
    private final List<Connection> sessions = new ArrayList<>();

    /** {@code prefix}: a few letters naming the test class, so its users are found by a search. */
    public PostgresAutoUsers(String prefix) {
        this.prefix = prefix;
        target.sql("DO $$BEGIN IF to_regrole('pgg_reader') IS NULL THEN CREATE ROLE pgg_reader; END IF; END$$");
    }

    public PostgresTarget target() {
        return target;
    }

    /** A member of the group; {@code login} false is a locked one. */
    public String autoUser(String base, boolean login, String... roles) {
        String name = prefix + RUN + "-" + base + "-" + COUNTER.incrementAndGet();
        target.sql("CREATE ROLE " + SqlText.identifier(name) + (login ? " LOGIN" : " NOLOGIN"));
        created.add(name);
        target.sql("GRANT \"teleport-auto-user\" TO " + SqlText.identifier(name));
        for (String granted : roles) {
            target.sql("GRANT " + SqlText.identifier(granted) + " TO " + SqlText.identifier(name));
        }
        return name;
    }

    /** A table in {@code postgres} owned by {@code role} (what makes PostgreSQL refuse its drop). */
    public String ownedTable(String role) {
        String table = role + "_t";
        target.sql("CREATE TABLE " + SqlText.identifier(table) + " (id int)",
                "ALTER TABLE " + SqlText.identifier(table) + " OWNER TO " + SqlText.identifier(role));
        created.add(0, "table:" + table);
        return table;
    }

    /** An open session as {@code role} to {@code postgres}, named {@code app}. */
    public void session(String role, String app) throws SQLException {
        sessions.add(target.sessionAs(role, "postgres", app));
    }

    /**
     * A lock whose reply was lost: PostgreSQL runs the NOLOGIN, and the audit says "sent, outcome unknown",
     * as when the connection breaks while the commit is under way ({@code PostgresLostReplyTest} cuts one for
     * real); what settles it must read the server to say "applied".
     */
    public static void lockWithLostReply(PostgresGateway gateway, AuditLog audit, String role) {
        SqlCommand lock = AutoUserSql.disableLogin(gateway.facts().database(), role);
        try {
            new AuditTrail(audit, gateway.server(), gateway.identity()).change(lock, role, () -> {
                gateway.execute(lock);
                throw new ConnectionLostException("the connection was reset during the commit", true, null);
            }, done -> "ok");
        } catch (ConnectionLostException expected) {
            // the intent and the "sent, outcome unknown" outcome are written; the NOLOGIN is committed
        }
    }

    /**
     * A usage history (at {@code historyFile}) in which this server's {@code idle} was last in use 3 h ago and
     * not cleaned up since 2 h, and {@code old} was in use 41 d ago and locked since 40 d: by the default
     * policy, one to lock and one to drop.
     */
    public static void historyOfAnIdleAndALongLockedUser(Path historyFile, String idle, String old) {
        Instant now = Instant.now();
        String server = ServerName.fromUri("postgresql://localhost:" + PostgresTarget.shared().port() + "/postgres");
        ObservedUser.Session psql = new ObservedUser.Session("psql", "127.0.0.1");
        try (HistoryStore store = HistoryStore.open(historyFile)) {
            store.record(new ObservedListing(server, UserKey.POSTGRESQL, now.minus(Duration.ofDays(41)),
                    List.of(new ObservedUser(old, false, List.of(psql)))));
            store.record(new ObservedListing(server, UserKey.POSTGRESQL, now.minus(Duration.ofDays(40)),
                    List.of(new ObservedUser(old, true, List.of()))));
            store.record(new ObservedListing(server, UserKey.POSTGRESQL, now.minus(Duration.ofHours(3)),
                    List.of(new ObservedUser(old, true, List.of()), new ObservedUser(idle, false, List.of(psql)))));
            store.record(new ObservedListing(server, UserKey.POSTGRESQL, now.minus(Duration.ofHours(2)),
                    List.of(new ObservedUser(old, true, List.of()), new ObservedUser(idle, false, List.of()))));
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding the history failed: " + e.getMessage(), e);
        }
    }

    /** The newest record of {@code audit} that settles a lost reply about {@code role}, if any. */
    public static java.util.Optional<AuditRecord> resolutionOf(AuditLog audit, String role) {
        return audit.readNewestFirst(1_000).stream().filter(r -> r.phase() == AuditRecord.Phase.RESOLUTION
                && r.targetUser().equals(role)).findFirst();
    }

    public boolean exists(String role) {
        return target.roleExists(role);
    }

    public boolean canLogin(String role) {
        return target.canLogin(role);
    }

    public String ownerOf(String table) {
        return answer("SELECT tableowner FROM pg_tables WHERE tablename = " + SqlText.literal(table));
    }

    private String answer(String sql) {
        try (Connection c = target.admin(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() throws SQLException {
        for (Connection session : sessions) {
            session.close();
        }
        for (String name : created) {
            if (name.startsWith("table:")) {
                target.sql("DROP TABLE IF EXISTS " + SqlText.identifier(name.substring("table:".length())));
            }
        }
        target.dropRoles(created.stream().filter(name -> !name.startsWith("table:")).toList());
    }
}
