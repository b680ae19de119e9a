package dev.autouser.ui.app;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.evidence.TeleportImport;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.UsageHistory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Teleport's audit events into the connected server's usage history, as the CLI's
 * {@code evidence import-teleport FILE --server URI} does: only the events of the session's engine
 * ({@code db_protocol} mongodb or postgres), keyed as that engine names its users (MongoDB's
 * {@code CN=alice}, PostgreSQL's role {@code alice}).
 */
final class TeleportAuditFileImport {
    private final Path historyFile;
    private final String historyServer;
    private final Engine engine;

    /** {@code historyServer}: the name the server's history is kept under ({@code ServerName.fromUri}). */
    TeleportAuditFileImport(Path historyFile, String historyServer, Engine engine) {
        this.historyFile = historyFile;
        this.historyServer = historyServer;
        this.engine = engine;
    }

    /** Imports {@code file} and returns what it read, used and skipped (the wizard shows it). */
    String importFile(Path file) {
        try (UsageHistory history = UsageHistory.open(historyFile)) {
            HistoryStore store = history.store().orElseThrow(() -> new ConsoleException(
                    "The history cannot be opened: " + history.takeProblem().orElse("unknown problem")));
            return TeleportImport.run(file, historyServer, engine, Optional.empty(), store).summary();
        }
    }
}
