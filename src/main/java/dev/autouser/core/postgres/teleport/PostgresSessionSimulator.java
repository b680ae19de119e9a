package dev.autouser.core.postgres.teleport;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.audit.Refusals;
import dev.autouser.core.engine.TeleportProvisioning.SessionOutcome;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.SqlText;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.CreateDbUserMode;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.TeleportConfigException;
import dev.autouser.core.teleport.TeleportRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A simulated Teleport session on PostgreSQL, as {@link SessionSimulator} does for MongoDB: Teleport's
 * activate procedure (session start), then its deactivate ({@code keep}) or delete
 * ({@code best_effort_drop}) procedure (session end), through {@link PostgresTeleportProvisioning}, so
 * the run really creates, locks or drops the role and every call is audited as a simulation's. The dry
 * run ({@link #plan}) reads the role's state in one query and shows the same calls. A role that already
 * exists is touched only when the person named it as the target.
 */
public final class PostgresSessionSimulator {
    /** The admin role Teleport's guide names ({@code admin_user.name}): a simulation as it proves Teleport's privileges. */
    public static final String DEFAULT_ADMIN = "teleport-admin";

    private final PostgresGateway gateway;
    private final PostgresTeleportProvisioning teleport;
    private final AuditTrail refusals;

    public PostgresSessionSimulator(PostgresGateway gateway, AuditLog audit) {
        this.gateway = gateway;
        this.teleport = new PostgresTeleportProvisioning(gateway, audit).forSimulation();
        this.refusals = new AuditTrail(audit.inRun("simulate a Teleport session")
                .marked(dev.autouser.core.audit.Mark.SIMULATION), gateway.server(), gateway.identity());
    }

    /** The dry run: the role's state as Teleport's procedure would find it, and the calls the run would send. */
    public SessionSimulator.Plan plan(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget) {
        if (!role.mode().provisionsUsers()) {
            throw new TeleportConfigException("create_db_user_mode is off: Teleport would not provision a user, so there is nothing to simulate.");
        }
        List<String> roles = PostgresRoleMapping.rolesFor(role, request.traits());
        if (!request.requestedRoles().isEmpty()) {
            roles = roles.stream().filter(request.requestedRoles()::contains).toList();
        }
        String user = request.teleportName();
        PostgresSessionPreview start = PostgresSessionPreview.of(gateway, user, roles);
        List<SessionSimulator.PlannedStep> steps = new ArrayList<>();
        steps.add(new SessionSimulator.PlannedStep(SessionSimulator.START, start.outcome(), Optional.of(String.join("\n", start.statements()))));
        steps.add(role.mode() == CreateDbUserMode.KEEP
                ? new SessionSimulator.PlannedStep(SessionSimulator.END_KEEP, "lock " + user + " (roles revoked, NOLOGIN) unless it is connected",
                        Optional.of(PostgresTeleportProvisioning.deactivateCall(user)))
                : new SessionSimulator.PlannedStep(SessionSimulator.END_DROP, "drop " + user + " unless it is connected (deactivated instead"
                        + " when it owns objects, TP004)", Optional.of(PostgresTeleportProvisioning.deleteCall(user))));
        return new SessionSimulator.Plan(user, gateway.identity(), role.mode(),
                start.roles().stream().map(RoleRef::serverWide).toList(), steps, refusal(user, namedTarget));
    }

    /** Runs the plan: nothing when it is refused, else session start then (if it worked) session end. */
    public SessionSimulator.Simulation simulate(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget,
                                                boolean asTeleportAdmin) {
        SessionSimulator.Plan plan = plan(role, request, namedTarget);
        String user = plan.mongoUser();
        List<SessionSimulator.Step> steps = new ArrayList<>();
        plan.refusal().ifPresent(why -> refusals.note("simulate " + user, user, Refusals.RESULT_PREFIX + why));
        if (plan.refusal().isEmpty()) {
            List<String> roles = plan.roles().stream().map(RoleRef::role).toList();
            SessionSimulator.Step start = run(SessionSimulator.START, () -> teleport.activate(user, roles));
            steps.add(start);
            if (start.succeeded()) {
                steps.add(plan.mode() == CreateDbUserMode.KEEP ? run(SessionSimulator.END_KEEP, () -> teleport.deactivate(user))
                        : run(SessionSimulator.END_DROP, () -> teleport.delete(user)));
            }
        }
        return new SessionSimulator.Simulation(user, plan.identity(), asTeleportAdmin, plan.mode(), plan.roles(), steps,
                plan.refusal());
    }

    private Optional<String> refusal(String user, Optional<String> namedTarget) {
        if (namedTarget.filter(user::equals).isPresent()) {
            return Optional.empty();
        }
        boolean exists = gateway.query("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " + SqlText.literal(user) + ")",
                "look up " + user, rows -> rows.next() && rows.getBoolean(1));
        return exists ? Optional.of(user + " already exists; a simulation would replace its roles and then lock or drop it."
                + " Name it as the target to simulate on it anyway.") : Optional.empty();
    }

    private static SessionSimulator.Step run(String phase, Supplier<SessionOutcome> action) {
        try {
            return new SessionSimulator.Step(phase, true, action.get().description());
        } catch (ConsoleException e) {
            return new SessionSimulator.Step(phase, false, "failed: " + e.getMessage());
        }
    }
}
