package dev.autouser.core.teleport;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportName;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.core.provisioning.UserCommands;
import dev.autouser.core.teleport.adminsetup.AdminRoleSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A simulated Teleport session against the connected server: the core's provisioner runs activate
 * (session start), then deactivate ({@code keep}) or delete ({@code best_effort_drop}) (session
 * end), exactly the commands Teleport would run. It really creates, locks or drops the user, so the
 * caller must label it a simulation and confirm first. The dry run ({@link #plan}) and the run use
 * the same plan, so the dry run shows exactly the user and the commands the run uses. A user that
 * already exists is never touched unless the person named it as the target: a simulation replaces
 * its roles, then locks or drops it.
 */
public final class SessionSimulator {
    private final TeleportProvisioner provisioner;
    private final SessionPreviewer previewer;

    /**
     * @param provisioner runs the session's commands; its identity is the one the simulation proves
     * @param previewer   reads the user's state with the same identity (usersInfo, currentOp)
     */
    /** Provisions and previews through {@code gateway}, as its identity, writing every change to {@code audit}. */
    public static SessionSimulator on(dev.autouser.core.mongo.MongoGateway gateway, dev.autouser.core.audit.AuditLog audit) {
        return new SessionSimulator(new TeleportProvisioner(gateway, audit), new SessionPreviewer(new GatewayCommandRunner(gateway)));
    }

    public SessionSimulator(TeleportProvisioner provisioner, SessionPreviewer previewer) {
        this.provisioner = provisioner.forSimulation();
        this.previewer = previewer;
    }

    public record Step(String phase, boolean succeeded, String outcome) {
        public String line() {
            return phase + ": " + outcome;
        }
    }

    /** One step the simulation will run, with its exact command (none when Teleport sends none). */
    public record PlannedStep(String phase, String outcome, Optional<String> command) {
    }

    /**
     * What a simulation will do: for whom, as whom, with which commands, or why it will not run.
     *
     * @param refusal set when the simulation would touch a user that exists and was not named as the target
     */
    public record Plan(String mongoUser, String identity, CreateDbUserMode mode, List<RoleRef> roles,
                       List<PlannedStep> steps, Optional<String> refusal) {
        public Plan {
            roles = List.copyOf(roles);
            steps = List.copyOf(steps);
        }

        /** The dry run's text: the same lines the run prints, each with its command. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add("Runs as " + identity + ".");
            refusal.ifPresent(r -> lines.add("Refused: " + r));
            for (PlannedStep step : steps) {
                lines.add(step.phase() + ": " + step.outcome());
                step.command().ifPresent(c -> lines.add("  " + c.strip()));
            }
            return lines;
        }
    }

    public record Simulation(String mongoUser, String identity, boolean asTeleportAdmin, CreateDbUserMode mode,
                             List<RoleRef> roles, List<Step> steps, Optional<String> refusal) {
        public Simulation {
            roles = List.copyOf(roles);
            steps = List.copyOf(steps);
        }

        public boolean succeeded() {
            return refusal.isEmpty() && !steps.isEmpty() && steps.stream().allMatch(Step::succeeded);
        }

        /** One sentence that says what ran, as whom, and what that proves. */
        public String verdict() {
            if (refusal.isPresent()) {
                return "Simulation not run: " + refusal.get();
            }
            if (!succeeded()) {
                return "Simulation stopped, run as " + identity + ": Teleport would fail the same way"
                        + (asTeleportAdmin ? "." : " if its admin had the same privileges.");
            }
            return asTeleportAdmin
                    ? "Simulation finished as Teleport's admin " + identity + ": Teleport can run this session end to end."
                    : "Simulation finished as " + identity + ", not as Teleport's admin: it proves that the roles exist and"
                      + " the commands work on this server, not that Teleport's admin may run them"
                      + " (simulate with the admin's certificate, or check with admin-setup --verify).";
        }
    }

    /**
     * The dry run: reads the user's state (two round trips) and lists the steps the run would take.
     *
     * @param namedTarget the user the person named as the target (CLI {@code --existing-user}); only then is an
     *                    existing user touched
     */
    public Plan plan(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget) {
        SessionPreview.Result start = previewer.preview(role, request);
        if (!start.mode().provisionsUsers()) {
            throw new TeleportConfigException("create_db_user_mode is off: Teleport would not provision a user, so there is nothing to simulate.");
        }
        String user = start.mongoUser();
        List<PlannedStep> steps = new ArrayList<>();
        steps.add(new PlannedStep(START, start.outcome(), start.commandText()));
        steps.add(start.mode() == CreateDbUserMode.KEEP
                ? new PlannedStep(END_KEEP, "lock " + user + " (roles removed) unless it is connected",
                        Optional.of(UserCommands.lockCommand(user).scriptText()))
                : new PlannedStep(END_DROP, "drop " + user + " unless it is connected",
                        Optional.of(UserCommands.dropCommand(user).scriptText())));
        return new Plan(user, provisioner.identity(), start.mode(), start.roles(), steps, refusal(start, namedTarget));
    }

    /** {@link #simulate(TeleportRole, SessionPreview.Request, Optional, boolean)} as the connected identity: it proves
     * Teleport's admin privileges only when that identity is {@code CN=teleport-admin}. */
    public Simulation simulate(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget) {
        return simulate(role, request, namedTarget,
                provisioner.identity().equals(AdminRoleSpec.DEFAULT_ADMIN_USER + "@" + UserCommands.EXTERNAL));
    }

    /**
     * Runs the plan: nothing when it is refused, else session start then (if it worked) session end.
     *
     * @param asTeleportAdmin the provisioner's identity is Teleport's admin user (its certificate was given)
     */
    public Simulation simulate(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget,
                               boolean asTeleportAdmin) {
        Plan plan = plan(role, request, namedTarget);
        List<Step> steps = new ArrayList<>();
        plan.refusal().ifPresent(why -> provisioner.auditRefusal(plan.mongoUser(), "simulate", why));
        if (plan.refusal().isEmpty()) {
            String teleportName = request.teleportName();
            Step start = run(START, () -> provisioner.activate(teleportName, plan.roles()));
            steps.add(start);
            if (start.succeeded()) {
                steps.add(plan.mode() == CreateDbUserMode.KEEP
                        ? run(END_KEEP, () -> provisioner.deactivate(teleportName))
                        : run(END_DROP, () -> provisioner.delete(teleportName)));
            }
        }
        return new Simulation(plan.mongoUser(), plan.identity(), asTeleportAdmin, plan.mode(), plan.roles(), steps,
                plan.refusal());
    }

    /** The steps' names, the same for every engine. */
    public static final String START = "session start (activate)";
    public static final String END_KEEP = "session end (deactivate, keep mode)";
    public static final String END_DROP = "session end (delete, best_effort_drop mode)";

    private static Optional<String> refusal(SessionPreview.Result start, Optional<String> namedTarget) {
        String user = start.mongoUser();
        boolean named = namedTarget.filter(n -> !n.isBlank()).map(TeleportName::mongoNameOf)
                .filter(user::equals).isPresent();
        if (named) {
            return Optional.empty();
        }
        return switch (start.state()) {
            case ABSENT -> Optional.empty();
            case UNKNOWN -> Optional.of("the server did not let this identity look up " + user
                    + ", so it may exist; name it as the target to simulate on it anyway.");
            default -> Optional.of(user + " already exists; a simulation would replace its roles and then lock or drop"
                    + " it. Name it as the target to simulate on it anyway.");
        };
    }

    private static Step run(String phase, Supplier<TeleportProvisioner.Outcome> action) {
        try {
            return new Step(phase, true, action.get().description());
        } catch (ConsoleException e) {
            return new Step(phase, false, "failed: " + e.getMessage());
        }
    }
}
