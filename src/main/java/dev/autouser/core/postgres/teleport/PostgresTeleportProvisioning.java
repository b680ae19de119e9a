package dev.autouser.core.postgres.teleport;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.audit.Refusals;
import dev.autouser.core.engine.TeleportProvisioning;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.postgres.AutoUserSql;
import dev.autouser.core.postgres.PostgresErrors;
import dev.autouser.core.postgres.PostgresException;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.SqlCommand;
import dev.autouser.core.postgres.SqlText;

import java.sql.SQLException;
import java.util.List;

/**
 * Teleport's PostgreSQL session start and end, run through {@link TeleportAgent} (Teleport's own
 * procedures, created in this session's {@code pg_temp}) on the console's connection, audited (intent
 * before, outcome after; refusals as refusals). One deliberate difference from Teleport, as for MongoDB:
 * deactivate and delete refuse a role that is not an auto-user, where Teleport's procedures would change it.
 */
public final class PostgresTeleportProvisioning implements TeleportProvisioning {
    private final PostgresGateway gateway;
    private final AuditTrail audit;
    private final TeleportAgent agent;

    public PostgresTeleportProvisioning(PostgresGateway gateway, AuditLog log) {
        this.gateway = gateway;
        this.audit = new AuditTrail(log, gateway.server(), gateway.identity());
        this.agent = new TeleportAgent(database -> gateway.sharedConnection(), gateway.identity(), gateway.facts().database());
    }

    @Override
    public SessionOutcome activate(String user, List<String> roles) {
        SqlText.checkName(user);
        roles.forEach(SqlText::checkName);
        audit.checkWritable();
        Known before = known(user);
        String call = "CALL pg_temp.teleport_activate_user(" + SqlText.literal(user) + ", ARRAY["
                + String.join(", ", roles.stream().map(SqlText::literal).toList()) + "]::varchar[])";
        return audit.change(command(call, "activate " + user), user, () -> {
            try {
                agent.activate(user, roles);
            } catch (TeleportRefusal e) {
                throw new PostgresException(e.getMessage(), e.sqlState(), "", e);
            } catch (SQLException e) {
                throw PostgresErrors.statementFailed(e, "activate " + user, true);
            }
            return !before.exists ? SessionOutcome.CREATED : before.active ? SessionOutcome.UNCHANGED_ACTIVE
                    : SessionOutcome.ACTIVATED;
        }, outcome -> "ok: " + outcome.description());
    }

    @Override
    public SessionOutcome deactivate(String user) {
        requireAutoUser(user, "deactivate");
        String call = "CALL pg_temp.teleport_deactivate_user(" + SqlText.literal(user) + ")";
        return audit.change(command(call, "deactivate " + user), user, () -> {
            try {
                return agent.deactivate(user) == TeleportAgent.Outcome.LEFT_ACTIVE ? SessionOutcome.SKIPPED_ACTIVE
                        : SessionOutcome.LOCKED;
            } catch (SQLException e) {
                throw PostgresErrors.statementFailed(e, "deactivate " + user, true);
            }
        }, outcome -> "ok: " + outcome.description());
    }

    @Override
    public SessionOutcome delete(String user) {
        requireAutoUser(user, "delete");
        String call = "CALL pg_temp.teleport_delete_user(" + SqlText.literal(user) + ")";
        return audit.change(command(call, "delete " + user), user, () -> {
            try {
                return switch (agent.delete(user)) {
                    case DROPPED -> SessionOutcome.DROPPED;
                    case DEACTIVATED_INSTEAD_OF_DROPPED -> SessionOutcome.LOCKED_INSTEAD_OF_DROP;
                    case LEFT_ACTIVE -> SessionOutcome.SKIPPED_ACTIVE;
                    case DEACTIVATED -> SessionOutcome.LOCKED;
                };
            } catch (SQLException e) {
                throw PostgresErrors.statementFailed(e, "delete " + user, true);
            }
        }, outcome -> "ok: " + outcome.description());
    }

    private SqlCommand command(String sql, String intent) {
        return SqlCommand.of(gateway.facts().database(), "CALL", intent, sql);
    }

    /** Teleport would act on any role; the console refuses one that is not an auto-user (audited). */
    private void requireAutoUser(String user, String verb) {
        SqlText.checkName(user);
        audit.checkWritable();
        Known known = known(user);
        if (!known.exists || !known.autoUser) {
            String reason = known.exists ? "not managed by Teleport (not a plain member of " + AutoUserSql.GROUP
                    + "): the console never changes it" : "no such role";
            audit.note(verb + " " + user, user, Refusals.RESULT_PREFIX + reason);
            throw new ConsoleException("Cannot " + verb + " " + user + ": " + reason + ".");
        }
    }

    private record Known(boolean exists, boolean autoUser, boolean active) {
    }

    private Known known(String user) {
        String oid = "(SELECT oid FROM pg_roles WHERE rolname = " + SqlText.literal(user) + ")";
        return gateway.query("SELECT " + oid + " IS NOT NULL, " + AutoUserSql.isAutoUser(oid)
                        + ", EXISTS (SELECT 1 FROM pg_stat_activity WHERE usesysid = " + oid + ")",
                "look up " + user, rows -> {
                    rows.next();
                    return new Known(rows.getBoolean(1), rows.getBoolean(2), rows.getBoolean(3));
                });
    }
}
