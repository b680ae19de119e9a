package dev.autouser.cli;

import dev.autouser.core.AppDirs;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.Channel;
import dev.autouser.core.audit.Origin;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * What commands take from their surroundings: folders, environment variables (for secrets), and
 * whether a person is at a terminal to confirm. Tests pass their own.
 */
public record CliContext(AppDirs dirs, Map<String, String> environment, boolean interactive, BufferedReader input) {
    public static CliContext system() {
        return new CliContext(AppDirs.forCurrentUser(), System.getenv(), System.console() != null,
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
    }

    public AuditLog auditLog() {
        return new AuditLog(dirs.auditLog(), Origin.current(Channel.CLI));
    }
}
