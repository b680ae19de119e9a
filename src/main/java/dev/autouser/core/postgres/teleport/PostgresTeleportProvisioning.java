package dev.autouser.core.postgres.teleport;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.audit.Mark;
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
        this.log = log;
        this.agent = new TeleportAgent(database -> gateway.sharedConnection(), gateway.identity(), gateway.facts().database());
    }

    private final AuditLog log;

    /** The same, every record marked as a simulation's (in its own run), as for MongoDB. */
    public PostgresTeleportProvisioning forSimulation() {
        return new PostgresTeleportProvisioning(gateway, log.inRun("simulate a Teleport session").marked(Mark.SIMULATION));
    }

    public String identity() {
        return gateway.identity();
    }

    /** The call Teleport's agent sends at session end in {@code keep} mode, as psql takes it. */
    public static String deactivateCall(String user) {
        return "CALL pg_temp.teleport_deactivate_user(" + SqlText.literal(user) + ");";
    }

    /** The call Teleport's agent sends at session end in {@code best_effort_drop} mode, as psql takes it. */
    public static String deleteCall(String user) {
        return dev.autouser.core.postgres.RecordedChange.teleportDeleteCall(user);
    }

    /**
     * Runs Teleport's activate procedure. When the procedure refuses (TP002: roles changed while connected;
     * a role of that name outside the group: not managed by Teleport), the outcome record says
     * "refused: " with Teleport's own sentence, and the exception carries it with the SQLSTATE.
     */
    @Override
    public SessionOutcome activate(String user, List<String> roles) {
        SqlText.checkName(user);
        roles.forEach(SqlText::checkName);
        audit.checkWritable();
        Known before = known(user);
        String call = PostgresRoleMapping.activateCall(user, roles).replaceFirst("^call ", "CALL ");
        Activation done = audit.change(command(call.substring(0, call.length() - 1), "activate " + user), user, () -> {
            try {
                agent.activate(user, roles);
            } catch (TeleportRefusal e) {
                return new Activation(null, e);
            } catch (SQLException e) {
                throw PostgresErrors.statementFailed(e, "activate " + user, true);
            }
            return new Activation(!before.exists ? SessionOutcome.CREATED : before.active ? SessionOutcome.UNCHANGED_ACTIVE
                    : SessionOutcome.ACTIVATED, null);
        }, activation -> activation.refusal == null ? "ok: " + activation.outcome.description()
                : Refusals.RESULT_PREFIX + refusalSentence(activation.refusal));
        if (done.refusal != null) {
            throw new PostgresException(refusalSentence(done.refusal), done.refusal.sqlState(), "", done.refusal);
        }
        return done.outcome;
    }

    private record Activation(SessionOutcome outcome, TeleportRefusal refusal) {
    }

    /** "Teleport refuses the session (TP002): roles for user ... has changed. ...": what Teleport tells the person. */
    static String refusalSentence(TeleportRefusal refusal) {
        return "Teleport refuses the session" + refusal.teleportState().map(s -> " (" + s.code() + ")").orElse("")
                + ": " + refusal.getMessage();
    }

    @Override
    public SessionOutcome deactivate(String user) {
        requireAutoUser(user, "deactivate");
        String call = deactivateCall(user);
        return audit.change(command(call.substring(0, call.length() - 1), "deactivate " + user), user, () -> {
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
        String call = deleteCall(user);
        return audit.change(command(call.substring(0, call.length() - 1), "delete " + user), user, () -> {
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
