package dev.autouser.cli;

import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Mark;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.teleport.PostgresSessionSimulator;
import dev.autouser.core.teleport.TeleportRole;
import dev.autouser.core.provisioning.RoleRef;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.SessionSimulator;
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
            description = "Run the simulation as Teleport's admin: its certificate and key in one PEM (e.g. teleport-admin.pem;"
                    + " for PostgreSQL the .crt and .key of tctl auth sign --format=db put in one file). "
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
        SessionSimulator simulator = SessionSimulator.on(as, auditLog());
        return simulate(as.server(), as.identity(), (r, q, t) -> simulator.plan(r, q, t),
                (r, q, t) -> asTeleportAdmin ? simulator.simulate(r, q, t, true) : simulator.simulate(r, q, t));
    }

    /** Teleport's own procedures on PostgreSQL; "as Teleport's admin" when connected as it or given its certificate. */
    @Override
    int runPostgres(PostgresEngine engine) {
        if (adminCertificate == null) {
            return simulate(engine.gateway(), engine.identity().equals(PostgresSessionSimulator.DEFAULT_ADMIN));
        }
        try (PostgresGateway admin = connection.connectPostgresAs(context(), err(), adminCertificate)) {
            return simulate(admin, true);
        }
    }

    private int simulate(PostgresGateway as, boolean asTeleportAdmin) {
        PostgresSessionSimulator simulator = new PostgresSessionSimulator(as, auditLog());
        return simulate(as.server(), as.identity(), simulator::plan, (r, q, t) -> simulator.simulate(r, q, t, asTeleportAdmin));
    }

    /** One step of a simulation, whatever the engine: the role, the session, the target named by the person. */
    private interface Step<T> {
        T apply(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget);
    }

    private int simulate(String server, String identity, Step<SessionSimulator.Plan> planner,
                         Step<SessionSimulator.Simulation> runner) {
        TeleportRole parsed = role.role();
        SessionPreview.Request request = session.request(role);
        PrintWriter out = out();
        Optional<String> target = Optional.ofNullable(existingUser);
        if (dryRun) {
            SessionSimulator.Plan plan = planner.apply(parsed, request, target);
            out.println("SIMULATION of a Teleport session for " + plan.mongoUser() + " (changes the server).");
            plan.lines().forEach(line -> out.println(line));
            out.println("Dry run: nothing was changed.");
            auditLog().marked(Mark.SIMULATION, Mark.DRY_RUN).append(AuditRecord.now(server, identity,
                    String.join("\n", plan.steps().stream().flatMap(s -> s.command().stream()).toList()), plan.mongoUser(),
                    "dry run: not run" + plan.refusal().map(r -> " (refused: " + r + ")").orElse("")));
            return plan.refusal().isPresent() ? AutoUserCommand.SOME_FAILED : AutoUserCommand.OK;
        }
        SessionSimulator.Simulation sim = runner.apply(parsed, request, target);
        out.println("SIMULATION of a Teleport session for " + sim.mongoUser() + " (changes the server).");
        out.println("Runs as " + sim.identity() + ".");
        out.println("Roles: " + String.join(", ", sim.roles().stream().map(RoleRef::toString).toList()));
        sim.steps().forEach(step -> out.println(step.line()));
        out.println(sim.verdict());
        return sim.succeeded() ? AutoUserCommand.OK : AutoUserCommand.SOME_FAILED;
    }
}
