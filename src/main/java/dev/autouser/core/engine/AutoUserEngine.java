package dev.autouser.core.engine;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.provisioning.AutoUserListing;

import java.util.List;

/**
 * One connected database, whatever its engine, as the console works with it. Shaped like Teleport's
 * own per-engine auto-user interface (lib/srv/db/common: {@code ActivateUser}, {@code DeactivateUser},
 * {@code DeleteUser}, reached here through {@link #teleport}), plus what the console adds: the listing
 * (users, roles, lock state and sessions in one go), safe lock/drop/cleanup and "what may this identity
 * do". Everything engine-specific (commands, session source, lock mechanism) stays behind it, in
 * {@code core.engine.mongo} (over {@code core.mongo} and {@code core.provisioning}) and
 * {@code core.postgres}; engines never import each other.
 */
public interface AutoUserEngine extends AutoCloseable {
    Engine engine();

    /** Where: {@code db1:27017}, {@code pg.example.com:5432/postgres}. */
    String server();

    /** As whom: {@code CN=dba@$external}, {@code teleport-admin}. */
    String identity();

    /** Every auto-user with its roles, lock state and live sessions, in as few round trips as the engine allows. */
    AutoUserListing list();

    /**
     * Settles the changes in {@code audit} whose reply was lost ("sent, outcome unknown") from what the
     * server shows now: one resolution record each (DESIGN §5). Call it before a listing; it sends
     * nothing when nothing is open, and a log that cannot be read settles nothing. Returns how many.
     */
    int settleLostReplies(AuditLog audit);

    /** Lock, drop and cleanup with the console's safety rules; every change goes to {@code audit}. */
    UserActions actions(AuditLog audit);

    /** Teleport's session start and end for this engine, audited to {@code audit}. */
    TeleportProvisioning teleport(AuditLog audit);

    /**
     * What the connected identity may and may not do here, one sentence per line, each starting with
     * "yes " or "NO " ("yes list auto-users", "NO see other users' session details - ...").
     */
    List<String> permissions();

    /** Closes the connection; never throws. */
    @Override
    void close();
}
