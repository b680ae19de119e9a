package dev.autouser.core.teleport;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.mongo.Secrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * A second login to the connected server as Teleport's admin, from its certificate + key PEM (the
 * demo's {@code teleport-admin.pem}, or what {@code tctl auth sign --format=mongodb} wrote): a
 * session simulation run through it proves the admin role's privileges, where one run as the DBA
 * does not. The CLI's {@code role simulate --as-admin} and the console's "Run as" use this one path.
 */
public final class TeleportAdminLogin {
    private TeleportAdminLogin() {
    }

    /** The same server and TLS settings as {@code connected}, logged in with X.509 from {@code adminPem}. */
    public static MongoGateway connect(ConnectionProfile connected, Path adminPem, Duration timeout) {
        Secrets secrets = Secrets.of(null, null);
        try {
            return MongoGateway.connect(connected.withClientCertificate(adminPem), secrets, timeout);
        } finally {
            secrets.wipe();
        }
    }

    /** Runs {@code work} with a simulator that acts as the admin; the admin's connection is closed afterwards. */
    public static <T> T simulate(ConnectionProfile connected, Path adminPem, Duration timeout, AuditLog audit,
                                 Function<SessionSimulator, T> work) {
        try (MongoGateway admin = connect(connected, adminPem, timeout)) {
            return work.apply(SessionSimulator.on(admin, audit));
        }
    }
}
