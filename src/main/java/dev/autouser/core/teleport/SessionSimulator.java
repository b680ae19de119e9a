package dev.autouser.core.teleport;

import dev.autouser.core.mongo.ConsoleException;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportProvisioner;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated Teleport session against the connected server: the core's provisioner runs activate
 * (session start), then deactivate ({@code keep}) or delete ({@code best_effort_drop}) (session
 * end), exactly the commands Teleport would run. It really creates, locks or drops the user, so the
 * caller must label it a simulation and confirm first.
 */
public final class SessionSimulator {
    private final TeleportProvisioner provisioner;

    public SessionSimulator(TeleportProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    public record Step(String phase, boolean succeeded, String outcome) {
        public String line() {
            return phase + ": " + outcome;
        }
    }

    public record Simulation(String mongoUser, CreateDbUserMode mode, List<RoleRef> roles, List<Step> steps) {
        public Simulation {
            roles = List.copyOf(roles);
            steps = List.copyOf(steps);
        }

        public boolean succeeded() {
            return !steps.isEmpty() && steps.stream().allMatch(Step::succeeded);
        }
    }

    /** @throws TeleportConfigException when the mapping itself would stop Teleport (mode off, bad entries) */
    public Simulation simulate(TeleportRole role, SessionPreview.Request request) {
        DbRoleResolver.Assignment assignment = DbRoleResolver.resolve(role, request.traits(), request.requestedRoles());
        if (!assignment.mode().provisionsUsers()) {
            throw new TeleportConfigException("create_db_user_mode is off: Teleport would not provision a user, so there is nothing to simulate.");
        }
        String teleportName = request.teleportName();
        TeleportProvisioner provisioner = this.provisioner.simulating();
        List<Step> steps = new ArrayList<>();
        Step start = run("session start (activate)", () -> provisioner.activate(teleportName, assignment.roles()));
        steps.add(start);
        if (start.succeeded()) {
            steps.add(assignment.mode() == CreateDbUserMode.KEEP
                    ? run("session end (deactivate, keep mode)", () -> provisioner.deactivate(teleportName))
                    : run("session end (delete, best_effort_drop mode)", () -> provisioner.delete(teleportName)));
        }
        return new Simulation(request.mongoUser(), assignment.mode(), assignment.roles(), steps);
    }

    private static Step run(String phase, java.util.function.Supplier<TeleportProvisioner.Outcome> action) {
        try {
            return new Step(phase, true, action.get().description());
        } catch (ConsoleException e) {
            return new Step(phase, false, "failed: " + e.getMessage());
        }
    }
}
