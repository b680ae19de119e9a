package dev.autouser.ui.rolemapping;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.postgres.PostgresProfile;
import dev.autouser.core.postgres.teleport.PostgresSessionSimulator;
import dev.autouser.core.teleport.SessionSimulator;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whom a simulation runs as: the connected identity, or (given Teleport's admin certificate + key PEM)
 * a second login to the same server as that identity, closed when the work is done, as the CLI's
 * {@code role simulate --as-admin} does.
 */
public interface SimulationLogins {
    <T> T run(Optional<Path> adminPem, Function<SessionSimulations, T> work);

    /** MongoDB: the connected simulator, or {@code adminLogin}'s second login. */
    static SimulationLogins mongo(SessionSimulator connected, AdminLogin adminLogin) {
        return new SimulationLogins() {
            @Override
            public <T> T run(Optional<Path> adminPem, Function<SessionSimulations, T> work) {
                return adminPem.isPresent() ? adminLogin.simulate(adminPem.get(), s -> work.apply(SessionSimulations.mongo(s)))
                        : work.apply(SessionSimulations.mongo(connected));
            }
        };
    }

    /**
     * PostgreSQL: Teleport's procedures on the session's connection, or on a connection to the same server
     * logged in by the admin's certificate (its CN names the role); every change audited in {@code audit}.
     */
    static SimulationLogins postgres(PostgresGateway connected, PostgresProfile profile, AuditLog audit) {
        return new SimulationLogins() {
            @Override
            public <T> T run(Optional<Path> adminPem, Function<SessionSimulations, T> work) {
                if (adminPem.isEmpty()) {
                    return work.apply(SessionSimulations.postgres(new PostgresSessionSimulator(connected, audit),
                            connected.identity().equals(PostgresSessionSimulator.DEFAULT_ADMIN)));
                }
                try (PostgresGateway admin = PostgresGateway.connect(profile.asCertificate(adminPem.get()), null, null)) {
                    return work.apply(SessionSimulations.postgres(new PostgresSessionSimulator(admin, audit), true));
                }
            }
        };
    }
}
