package dev.autouser.cli;

import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.provisioning.TeleportProvisioner;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.SessionPreviewer;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.TeleportRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"SIMULATION of a Teleport session against the connected server: activate the user as Teleport does at"
                + " session start, then deactivate (keep) or drop (best_effort_drop) it as at session end. This really"
                + " creates, locks or drops the named user; naming it with --user is the confirmation.",
                "Exit codes: 0 both steps succeeded, 1 a step was refused."})
final class RoleSimulateCommand extends ConnectedCommand {
    @Mixin
    RoleFileArguments role;

    @Mixin
    RoleSessionOptions session;

    @Option(names = "--dry-run", description = "Print the preview of the session start; change nothing.")
    boolean dryRun;

    @Override
    int run(MongoGateway gateway) {
        TeleportRole parsed = role.role();
        SessionPreview.Request request = session.request(role);
        PrintWriter out = out();
        out.println("SIMULATION of a Teleport session for " + request.mongoUser() + " (changes the server).");
        if (dryRun) {
            SessionPreview.Result preview = new SessionPreviewer(new GatewayCommandRunner(gateway)).preview(parsed, request);
            out.println(preview.outcome());
            preview.commandText().ifPresent(out::print);
            auditLog().marked(Mark.SIMULATION, Mark.DRY_RUN).append(AuditRecord.now(gateway.server(), gateway.identity(),
                    preview.commandText().orElse(""), request.mongoUser(), "dry run: not run (" + preview.outcome() + ")"));
            return AutoUserCommand.OK;
        }
        SessionSimulator.Simulation sim = new SessionSimulator(new TeleportProvisioner(gateway, auditLog())).simulate(parsed, request);
        out.println("Roles: " + String.join(", ", sim.roles().stream().map(RoleRef::toString).toList()));
        sim.steps().forEach(step -> out.println(step.line()));
        out.println(sim.succeeded() ? "Simulation finished: Teleport's admin can run this session end to end."
                : "Simulation stopped: Teleport would fail the same way.");
        return sim.succeeded() ? AutoUserCommand.OK : AutoUserCommand.SOME_FAILED;
    }
}
