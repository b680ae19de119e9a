package dev.autouser.core.postgres.teleport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * Does to a PostgreSQL server what Teleport's database agent does for automatic user provisioning
 * ({@code lib/srv/db/postgres/users.go}): each step on a fresh admin connection to the admin's
 * default database, the group role ensured, the procedures created in {@code pg_temp}, the call
 * retried on transient errors. The demo's churn and the contract tests run Teleport through it.
 */
public final class TeleportAgent {
    public static final String AUTO_USER_GROUP = "teleport-auto-user";
    private static final Logger LOG = LoggerFactory.getLogger(TeleportAgent.class);
    private static final String ACTIVE_NOTICE = "User has active connections";

    private final AdminConnections connections;
    private final String adminUser;
    private final String defaultDatabase;

    /** {@code adminUser} and {@code defaultDatabase} are the db resource's {@code admin_user.name} and {@code admin_user.default_database}. */
    public TeleportAgent(AdminConnections connections, String adminUser, String defaultDatabase) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.adminUser = requireText(adminUser, "adminUser");
        this.defaultDatabase = requireText(defaultDatabase, "defaultDatabase");
    }

    /** What a session-end step did. */
    public enum Outcome {
        /** Roles revoked, NOLOGIN ({@code keep}). */
        DEACTIVATED,
        /** TP003: gone ({@code best_effort_drop}). */
        DROPPED,
        /** TP004: owns objects, so deactivated instead of dropped. */
        DEACTIVATED_INSTEAD_OF_DROPPED,
        /** The procedure saw a session and changed nothing (its NOTICE). */
        LEFT_ACTIVE
    }

    /** Session start: ensures the group, then creates or re-activates {@code user} with exactly {@code roles}. */
    public void activate(String user, List<String> roles) throws TeleportRefusal, SQLException {
        requireText(user, "user");
        List<String> wanted = List.copyOf(roles);
        try (Connection connection = connections.open(defaultDatabase)) {
            TransientRetry.run(() -> ensureGroup(connection));
            TransientRetry.run(() -> create(connection, TeleportProcedure.ACTIVATE, TeleportProcedure.DEACTIVATE));
            LOG.info("Activating PostgreSQL user {} with roles {} as Teleport", user, wanted);
            try {
                TransientRetry.run(() -> callActivate(connection, user, wanted));
            } catch (SQLException e) {
                throw refusal(user, e);
            }
        }
    }

    /** Session end in {@code keep} mode. */
    public Outcome deactivate(String user) throws SQLException {
        requireText(user, "user");
        try (Connection connection = connections.open(defaultDatabase)) {
            TransientRetry.run(() -> create(connection, TeleportProcedure.DEACTIVATE));
            LOG.info("Deactivating PostgreSQL user {} as Teleport", user);
            return TransientRetry.run(() -> {
                try (PreparedStatement call = connection.prepareStatement(TeleportProcedure.DEACTIVATE.callText())) {
                    call.setString(1, user);
                    call.execute();
                    return noticedActive(call) ? Outcome.LEFT_ACTIVE : Outcome.DEACTIVATED;
                }
            });
        }
    }

    /** Session end in {@code best_effort_drop} mode: TP003 dropped, TP004 deactivated instead. */
    public Outcome delete(String user) throws SQLException {
        requireText(user, "user");
        try (Connection connection = connections.open(defaultDatabase)) {
            TransientRetry.run(() -> create(connection, TeleportProcedure.DELETE, TeleportProcedure.DEACTIVATE));
            LOG.info("Deleting PostgreSQL user {} as Teleport", user);
            return TransientRetry.run(() -> {
                try (PreparedStatement call = connection.prepareStatement(TeleportProcedure.DELETE.callText())) {
                    call.setString(1, user);
                    String state;
                    try (ResultSet row = call.executeQuery()) {
                        row.next();
                        state = row.getString(1);
                    }
                    if (noticedActive(call)) {
                        // Teleport's revision returns TP003 here too; the NOTICE is the only sign nothing happened.
                        return Outcome.LEFT_ACTIVE;
                    }
                    return TeleportSqlState.USER_DEACTIVATED.code().equals(state)
                            ? Outcome.DEACTIVATED_INSTEAD_OF_DROPPED : Outcome.DROPPED;
                }
            });
        }
    }

    /**
     * {@code db_permissions} for one database (Teleport connects to the session's database for
     * this): replaces the user's table grants, or refuses with TP005 while it is connected there.
     */
    public void updatePermissions(String user, String database, List<TablePermission> tables)
            throws TeleportRefusal, SQLException {
        requireText(user, "user");
        String json = TablePermission.toJson(tables);
        try (Connection connection = connections.open(database)) {
            TransientRetry.run(() -> create(connection, TeleportProcedure.REMOVE_PERMISSIONS,
                    TeleportProcedure.UPDATE_PERMISSIONS));
            try {
                TransientRetry.run(() -> {
                    try (PreparedStatement call = connection.prepareStatement(
                            TeleportProcedure.UPDATE_PERMISSIONS.callText())) {
                        call.setString(1, user);
                        call.setString(2, json);
                        call.execute();
                        return null;
                    }
                });
            } catch (SQLException e) {
                throw refusal(user, e);
            }
        }
    }

    /**
     * Teleport's {@code updateAutoUsersRole}: {@code create role "teleport-auto-user"} (an
     * "already exists" error is expected), then {@code grant ... WITH ADMIN OPTION} to the admin
     * itself, whose failure Teleport only logs (PostgreSQL 16+ already gave the creator that option).
     */
    private Void ensureGroup(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create role " + quote(AUTO_USER_GROUP));
        } catch (SQLException e) {
            if (e.getMessage() == null || !e.getMessage().contains("already exists")) {
                throw e;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("grant " + quote(AUTO_USER_GROUP) + " to " + quote(adminUser) + " WITH ADMIN OPTION");
        } catch (SQLException e) {
            LOG.debug("Granting {} to {} WITH ADMIN OPTION failed, as Teleport tolerates: {}",
                    AUTO_USER_GROUP, adminUser, e.getMessage());
        }
        return null;
    }

    private static Void create(Connection connection, TeleportProcedure... procedures) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (TeleportProcedure procedure : procedures) {
                statement.execute(procedure.createText());
            }
        }
        return null;
    }

    private static Void callActivate(Connection connection, String user, List<String> roles) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement(TeleportProcedure.ACTIVATE.callText())) {
            Array array = connection.createArrayOf("varchar", roles.toArray());
            call.setString(1, user);
            call.setArray(2, array);
            call.execute();
            return null;
        }
    }

    private static boolean noticedActive(Statement statement) throws SQLException {
        for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            if (warning.getMessage() != null && warning.getMessage().contains(ACTIVE_NOTICE)) {
                return true;
            }
        }
        return false;
    }

    /** Teleport's {@code convertActivateError}: the sentence the person connecting is shown. */
    static TeleportRefusal refusal(String user, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (message.contains("already exists")) {
            return new TeleportRefusal(TeleportRefusal.Kind.NOT_MANAGED_BY_TELEPORT, "user \"" + user
                    + "\" already exists in this PostgreSQL database and is not managed by Teleport", state, e);
        }
        if (message.contains("TP002: User has active connections and roles have changed")) {
            return new TeleportRefusal(TeleportRefusal.Kind.ROLES_CHANGED, "roles for user \"" + user
                    + "\" has changed. Please quit all active connections and try again.", state, e);
        }
        if (TeleportSqlState.PERMISSIONS_CHANGED.code().equals(state)) {
            return new TeleportRefusal(TeleportRefusal.Kind.PERMISSIONS_CHANGED, message, state, e);
        }
        return new TeleportRefusal(TeleportRefusal.Kind.OTHER, message, state, e);
    }

    /** A double-quoted identifier, as Go's {@code %q} gives for these plain names. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
