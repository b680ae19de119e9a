package dev.autouser.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change the console made (or tried): when, which OS user ran the console, against which
 * server, authenticated as whom, the exact command (secrets removed), the user it targeted and
 * what came of it ("ok", "skipped: ...", "failed: ...").
 */
public record AuditRecord(Instant time, String osUser, String server, String identity, String command,
                          String targetUser, String result) {
    public AuditRecord {
        Objects.requireNonNull(time, "time");
        osUser = Objects.requireNonNullElse(osUser, "");
        server = Objects.requireNonNullElse(server, "");
        identity = Objects.requireNonNullElse(identity, "");
        command = AuditLog.redact(Objects.requireNonNullElse(command, ""));
        targetUser = Objects.requireNonNullElse(targetUser, "");
        result = AuditLog.redact(Objects.requireNonNullElse(result, ""));
    }

    /** A record stamped now with the current OS user. */
    public static AuditRecord now(String server, String identity, String command, String targetUser, String result) {
        return new AuditRecord(Instant.now(), System.getProperty("user.name", ""), server, identity, command,
                targetUser, result);
    }
}
