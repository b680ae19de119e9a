package dev.autouser.cli;

import dev.autouser.core.history.EvidenceLookup;
import dev.autouser.core.history.UsageHistory;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Where the CLI reads the evidence of users' ages from: the history store in the data folder, shared
 * with the GUI. When it cannot be opened, the command says so once and nothing is known: a policy
 * then lists every user's age as unknown rather than guessing.
 */
final class HistoryAccess {
    private HistoryAccess() {
    }

    /** Reads the evidence of one server in one query; the history is closed again before returning. */
    static EvidenceLookup lookup(CliContext context, PrintWriter err) {
        return (server, engine) -> {
            try (UsageHistory history = UsageHistory.open(context.dirs().history())) {
                history.takeProblem().ifPresent(problem -> err.println("warning: " + problem));
                return history.store().map(store -> store.evidence(server, engine)).orElse(Map.of());
            }
        };
    }
}
