package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * The log line of every server command: intent, command name, database, server, duration and
 * outcome. Never the command's body, so no password or secret a body might hold reaches the log.
 * Changes are logged at INFO, reads at DEBUG ({@code AUTOUSER_LOG_LEVEL=DEBUG}), failures at WARN
 * with their cause.
 */
final class CommandLog {
    private static final Logger LOG = LoggerFactory.getLogger(CommandLog.class);
    private static final Set<String> CHANGES = Set.of("createuser", "updateuser", "dropuser", "createrole",
            "updaterole", "droprole", "grantrolestouser", "revokerolesfromuser", "grantprivilegestorole",
            "revokeprivilegesfromrole", "grantrolestorole", "revokerolesfromrole");

    private CommandLog() {
    }

    static void succeeded(String server, String name, String db, String intent, long startNanos) {
        String line = "{} ({} on {} at {}) ok in {} ms";
        Object[] args = {intent, name, db, server, millisSince(startNanos)};
        if (CHANGES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            LOG.info(line, args);
        } else {
            LOG.debug(line, args);
        }
    }

    static void failed(String server, String name, String db, String intent, long startNanos, ConsoleException failure) {
        failure.markLogged();
        LOG.warn("{} ({} on {} at {}) failed in {} ms{}: {}", intent, name, db, server, millisSince(startNanos),
                failure.serverCode().isPresent() ? " with code " + failure.serverCode().getAsInt() : "",
                failure.getMessage(), failure.getCause() != null ? failure.getCause() : failure);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static void connected(String server, String identity, ServerVersion version, Topology topology) {
        LOG.info("Connected to {} as {}: MongoDB {}, {}", server, identity, version, topology.label());
    }

    static void connectFailed(String server, String identity, ConsoleException failure) {
        failure.markLogged();
        LOG.warn("Connecting to {} as {} failed: {}", server, identity, failure.getMessage(),
                failure.getCause() != null ? failure.getCause() : failure);
    }
}
