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
        return new SessionSimulations() {
            @Override
            public SessionSimulator.Plan plan(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget) {
                return simulator.plan(role, request, namedTarget);
            }

            @Override
            public SessionSimulator.Simulation simulate(TeleportRole role, SessionPreview.Request request,
                                                        Optional<String> namedTarget, boolean asAdminCertificate) {
                return asAdminCertificate ? simulator.simulate(role, request, namedTarget, true)
                        : simulator.simulate(role, request, namedTarget);
            }
        };
    }

    /** {@code connectedAsAdmin}: the session's own role is Teleport's admin, so a run without a certificate proves it too. */
    static SessionSimulations postgres(PostgresSessionSimulator simulator, boolean connectedAsAdmin) {
        return new SessionSimulations() {
            @Override
            public SessionSimulator.Plan plan(TeleportRole role, SessionPreview.Request request, Optional<String> namedTarget) {
                return simulator.plan(role, request, namedTarget);
            }

            @Override
            public SessionSimulator.Simulation simulate(TeleportRole role, SessionPreview.Request request,
                                                        Optional<String> namedTarget, boolean asAdminCertificate) {
                return simulator.simulate(role, request, namedTarget, asAdminCertificate || connectedAsAdmin);
            }
        };
    }
}
