package dev.autouser.ui.rolemapping;

import dev.autouser.core.postgres.teleport.PostgresSessionSimulator;
import dev.autouser.core.teleport.SessionPreview;
import dev.autouser.core.teleport.SessionSimulator;
import dev.autouser.core.teleport.TeleportRole;

import java.util.Optional;

/**
 * A simulated Teleport session on the connected engine, as the page runs it: the dry run (the plan
 * the confirmation shows, with the exact commands) and the run (Teleport's session start and end,
 * audited as a simulation's). MongoDB's {@link SessionSimulator} and PostgreSQL's
 * {@link PostgresSessionSimulator} (Teleport's own procedures) answer with the same plan and result.
 */
public interface SessionSimulations {
    /** {@code namedTarget}: the existing user the person confirmed as the target (the CLI's {@code --existing-user}). */
    SessionSimulator.Plan plan(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget);

    /** {@code asAdminCertificate}: logged in with Teleport's admin certificate, so the run proves the admin's privileges. */
    SessionSimulator.Simulation simulate(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget,
                                         boolean asAdminCertificate);

    static SessionSimulations mongo(SessionSimulator simulator) {
        return of(simulator::plan, (role, request, target, asAdminCertificate) -> asAdminCertificate
                ? simulator.simulate(role, request, target, true) : simulator.simulate(role, request, target));
    }

    /** {@code connectedAsAdmin}: the session's own role is Teleport's admin, so a run without a certificate proves it too. */
    static SessionSimulations postgres(PostgresSessionSimulator simulator, boolean connectedAsAdmin) {
        return of(simulator::plan, (role, request, target, asAdminCertificate) ->
                simulator.simulate(role, request, target, asAdminCertificate || connectedAsAdmin));
    }

    /** The dry run of either engine's simulator. */
    interface Planner {
        SessionSimulator.Plan plan(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget);
    }

    /** The run of either engine's simulator. */
    interface Runner {
        SessionSimulator.Simulation run(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget,
                                        boolean asAdminCertificate);
    }

    private static SessionSimulations of(Planner planner, Runner runner) {
        return new SessionSimulations() {
            @Override
            public SessionSimulator.Plan plan(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget) {
                return planner.plan(role, request, namedTarget);
            }

            @Override
            public SessionSimulator.Simulation simulate(TeleportRole role, SessionPreview.Request request,
                                                        Optional<String> namedTarget, boolean asAdminCertificate) {
                return runner.run(role, request, namedTarget, asAdminCertificate);
            }
        };
    }
}
