package dev.autouser.core.postgres;

import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.OwnedObjects;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportName;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lists PostgreSQL auto-users in ONE query whatever their number: the members of
 * {@code teleport-auto-user} with LOGIN/NOLOGIN and {@code rolvaliduntil}, their direct roles
 * ({@code pg_auth_members}), their sessions ({@code pg_stat_activity}: every database of the server,
 * since it is per server, not per database) and the objects they own per database
 * ({@code pg_shdepend}, shared by all databases). Each part is aggregated once and joined, so the
 * server reads {@code pg_stat_activity} once, not once per user. Roles outside the group never appear, nor
 * do the group's administrators (Teleport's admin holds it WITH ADMIN OPTION and is CREATEROLE; Teleport's
 * users are plain members, created {@code IN ROLE} the group, never SUPERUSER or CREATEROLE).
 */
public final class PostgresLister {
    /** PostgreSQL roles have no customData; AutoUser copies what it is given, so one empty document serves all. */
    private static final org.bson.Document NO_CUSTOM_DATA = new org.bson.Document();
    private final PostgresGateway gateway;

    public PostgresLister(PostgresGateway gateway) {
        this.gateway = gateway;
    }

    /** The listing query, as a DBA can run it in psql (scripts/bench compares it with the CLI). */
    public static final String SQL = """
            WITH grp AS (SELECT oid FROM pg_roles WHERE rolname = 'teleport-auto-user'),
            members AS (
              SELECT r.oid, r.rolname, r.rolcanlogin, r.rolvaliduntil FROM pg_roles r
              WHERE EXISTS (SELECT 1 FROM pg_auth_members m JOIN grp ON m.roleid = grp.oid WHERE m.member = r.oid)
                AND NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN grp ON m.roleid = grp.oid
                                WHERE m.member = r.oid AND m.admin_option)
                AND NOT r.rolsuper AND NOT r.rolcreaterole),
            held AS (
              SELECT m.member, array_agg(DISTINCT g.rolname ORDER BY g.rolname) AS roles
              FROM pg_auth_members m JOIN members u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.roleid
              WHERE g.rolname <> 'teleport-auto-user' GROUP BY m.member),
            sessions AS (
              SELECT a.usesysid, array_agg(a.pid ORDER BY a.pid) AS pids,
                array_agg(coalesce(a.datname, '') ORDER BY a.pid) AS dbs,
                array_agg(coalesce(host(a.client_addr), '') ORDER BY a.pid) AS addrs,
                array_agg(coalesce(a.application_name, '') ORDER BY a.pid) AS apps,
                array_agg(to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ORDER BY a.pid) AS starts,
                array_agg(coalesce(a.state, '') ORDER BY a.pid) AS states
              FROM pg_stat_activity a JOIN members u ON u.oid = a.usesysid GROUP BY a.usesysid),
            owned AS (
              SELECT d.refobjid, array_agg(coalesce(db.datname, '') ORDER BY db.datname) AS dbs,
                array_agg(d.n ORDER BY db.datname) AS counts
              FROM (SELECT s.refobjid, s.dbid, count(*)::int AS n FROM pg_shdepend s JOIN members u ON u.oid = s.refobjid
                    WHERE s.refclassid = 'pg_authid'::regclass AND s.deptype = 'o' GROUP BY s.refobjid, s.dbid) d
              LEFT JOIN pg_database db ON db.oid = d.dbid GROUP BY d.refobjid)
            SELECT u.rolname, u.rolcanlogin, u.rolvaliduntil, h.roles, s.pids, s.dbs, s.addrs, s.apps, s.starts, s.states,
              o.dbs, o.counts
            FROM members u LEFT JOIN held h ON h.member = u.oid LEFT JOIN sessions s ON s.usesysid = u.oid
              LEFT JOIN owned o ON o.refobjid = u.oid""";

    public AutoUserListing list() {
        long before = gateway.roundTrips();
        Instant takenAt = Instant.now();
        List<AutoUser> users = gateway.query(SQL, "list the members of teleport-auto-user", PostgresLister::read);
        long started = cpuNanos();
        users = new ArrayList<>(users);
        users.sort(Comparator.comparing(AutoUser::name));
        Duration build = Duration.ofNanos(cpuNanos() - started);
        return new AutoUserListing(users, takenAt, (int) (gateway.roundTrips() - before), build);
    }

    static List<AutoUser> read(ResultSet rows) throws SQLException {
        List<AutoUser> users = new ArrayList<>();
        while (rows.next()) {
            String name = rows.getString(1);
            Timestamp validUntil = rows.getTimestamp(3);
            users.add(new AutoUser(name, name, teleportCluster(name), roles(rows.getString(4)), !rows.getBoolean(2),
                    NO_CUSTOM_DATA, sessions(rows), owned(rows.getString(11), rows.getString(12)),
                    validUntil == null || validUntil.getTime() == org.postgresql.PGStatement.DATE_POSITIVE_INFINITY ? Optional.empty()
                            : Optional.of(validUntil.toInstant())));
        }
        return users;
    }

    /** {@code remote-alice-root}: Teleport's name for a user of another cluster, as in MongoDB (without CN=). */
    private static Optional<String> teleportCluster(String name) {
        return name.startsWith("CN=") ? Optional.empty() : TeleportName.fromMongoName(name).cluster();
    }

    private static List<RoleRef> roles(String array) throws SQLException {
        List<String> names = PostgresArrayText.strings(array);
        if (names.isEmpty()) {
            return List.of();
        }
        List<RoleRef> roles = new ArrayList<>(names.size());
        for (String role : names) {
            roles.add(RoleRef.serverWide(role));
        }
        return roles;
    }

    /** Column 5 onwards: the sessions' pids, databases, client addresses, applications, starts (UTC text) and states. */
    private static List<LiveSession> sessions(ResultSet rows) throws SQLException {
        String pidArray = rows.getString(5);
        if (pidArray == null) {
            return List.of();
        }
        int[] pid = PostgresArrayText.ints(pidArray);
        List<String> dbs = PostgresArrayText.strings(rows.getString(6));
        List<String> addrs = PostgresArrayText.strings(rows.getString(7));
        List<String> apps = PostgresArrayText.strings(rows.getString(8));
        List<String> starts = PostgresArrayText.elements(rows.getString(9));
        List<String> states = PostgresArrayText.strings(rows.getString(10));
        if (dbs.size() != pid.length || addrs.size() != pid.length || apps.size() != pid.length
                || starts.size() != pid.length || states.size() != pid.length) {
            throw new SQLException("The session arrays of " + rows.getString(1) + " differ in length");
        }
        List<LiveSession> sessions = new ArrayList<>(pid.length);
        for (int i = 0; i < pid.length; i++) {
            sessions.add(new LiveSession(pid[i], addrs.get(i), apps.get(i), "", dbs.get(i),
                    Optional.ofNullable(starts.get(i)).map(Instant::parse), states.get(i)));
        }
        return sessions;
    }

    private static List<OwnedObjects> owned(String dbs, String counts) throws SQLException {
        if (dbs == null) {
            return List.of();
        }
        List<String> names = PostgresArrayText.strings(dbs);
        int[] numbers = PostgresArrayText.ints(counts);
        if (numbers.length != names.size()) {
            throw new SQLException("The owned-object arrays differ in length: " + dbs + " " + counts);
        }
        List<OwnedObjects> owned = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            owned.add(new OwnedObjects(names.get(i), numbers[i]));
        }
        return owned;
    }

    private static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
