package dev.autouser.cli;

import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.TeleportRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"SIMULATION of a Teleport session against the connected server: activate the user as Teleport does at"
                + " session start, then deactivate (keep) or drop (best_effort_drop) it as at session end. This really"
                + " creates, locks or drops the named user; naming it with --user is the confirmation. A user that already"
                + " exists is touched only when also named with --existing-user.",
                "Exit codes: 0 both steps succeeded, 1 a step was refused or the simulation was not run."})
final class RoleSimulateCommand extends ConnectedCommand {
    @Mixin
    RoleFileArguments role;

    @Mixin
    RoleSessionOptions session;

    @Option(names = "--dry-run", description = "Print what the simulation would run (user, identity, commands); change nothing.")
    boolean dryRun;

    @Option(names = "--as-admin", paramLabel = "FILE",
            description = "Run the simulation as Teleport's admin: its certificate and key (e.g. teleport-admin.pem). "
                    + "Without it the simulation runs as the connected identity, which does not prove the admin's privileges.")
    Path adminCertificate;

    @Option(names = "--existing-user", paramLabel = "NAME",
            description = "The simulated user already exists and may be changed (its roles replaced, then locked or dropped).")
    String existingUser;

    @Override
    int run(MongoGateway gateway) {
        if (adminCertificate == null) {
            return simulate(gateway, false);
        }
        try (MongoGateway admin = connection.connectAs(context(), err(), adminCertificate)) {
            return simulate(admin, true);
        }
    }

    private int simulate(MongoGateway as, boolean asTeleportAdmin) {
        TeleportRole parsed = role.role();
        SessionPreview.Request request = session.request(role);
        PrintWriter out = out();
        SessionSimulator simulator = SessionSimulator.on(as, auditLog());
        out.println("SIMULATION of a Teleport session for " + request.mongoUser() + " (changes the server).");
        if (dryRun) {
            SessionSimulator.Plan plan = simulator.plan(parsed, request, Optional.ofNullable(existingUser));
            plan.lines().forEach(line -> out.println(line));
            out.println("Dry run: nothing was changed.");
            auditLog().marked(Mark.SIMULATION, Mark.DRY_RUN).append(AuditRecord.now(as.server(), as.identity(),
                    String.join("\n", plan.steps().stream().flatMap(s -> s.command().stream()).toList()), plan.mongoUser(),
                    "dry run: not run" + plan.refusal().map(r -> " (refused: " + r + ")").orElse("")));
            return plan.refusal().isPresent() ? AutoUserCommand.SOME_FAILED : AutoUserCommand.OK;
        }
        SessionSimulator.Simulation sim = asTeleportAdmin
                ? simulator.simulate(parsed, request, Optional.ofNullable(existingUser), true)
                : simulator.simulate(parsed, request, Optional.ofNullable(existingUser));
        out.println("Runs as " + sim.identity() + ".");
        out.println("Roles: " + String.join(", ", sim.roles().stream().map(RoleRef::toString).toList()));
        sim.steps().forEach(step -> out.println(step.line()));
        out.println(sim.verdict());
        return sim.succeeded() ? AutoUserCommand.OK : AutoUserCommand.SOME_FAILED;
    }
}
