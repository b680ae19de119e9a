package dev.autouser.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One change the console made (or tried): when, who (tool, version, GUI or CLI, OS user, host),
 * against which server, authenticated as whom, the exact command (secrets removed), the user it
 * targeted, what came of it ("ok", "skipped: ...", "failed: ...") and the run it belongs to.
 * Records made with {@link #now} leave origin and run to the {@link AuditLog} that writes them.
 */
public record AuditRecord(Instant time, Origin origin, String server, String identity, String command,
                          String targetUser, String result, Run run) {
    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(run, "run");
        server = Objects.requireNonNullElse(server, "");
        identity = Objects.requireNonNullElse(identity, "");
        command = AuditLog.redact(Objects.requireNonNullElse(command, ""));
        targetUser = Objects.requireNonNullElse(targetUser, "");
        result = AuditLog.redact(Objects.requireNonNullElse(result, ""));
    }

    /** A record as older versions wrote it: only the OS user is known of its origin, and no run. */
    public AuditRecord(Instant time, String osUser, String server, String identity, String command,
                       String targetUser, String result) {
        this(time, Origin.UNKNOWN.withOsUser(osUser), server, identity, command, targetUser, result, Run.NONE);
    }

    /** A record stamped now with the current OS user; the log adds the rest of the origin and the run. */
    public static AuditRecord now(String server, String identity, String command, String targetUser, String result) {
        return new AuditRecord(Instant.now(), System.getProperty("user.name", ""), server, identity, command,
                targetUser, result);
    }

    public String osUser() {
        return origin.osUser();
    }

    public Outcome outcome() {
        return Outcome.of(result);
    }

    /** This record as written by a log running as {@code origin} in {@code run} (what the record already says wins). */
    AuditRecord stamped(Origin writer, Run current) {
        Origin mine = origin.tool().isEmpty() ? writer.withOsUser(origin.osUser().isEmpty() ? writer.osUser() : origin.osUser()) : origin;
        Run theirs = run.exists() ? run : current;
        return new AuditRecord(time, mine, server, identity, command, targetUser, result, theirs);
    }
}
