package dev.autouser.cli;

import dev.autouser.core.history.EvidenceLookup;

/**
 * Where the CLI reads the evidence of users' ages from: the history store in the data folder, shared
 * with the GUI. Until the store is there, nothing is known, and a policy lists every user's age as
 * unknown rather than guessing.
 */
final class HistoryAccess {
    private HistoryAccess() {
    }

    static EvidenceLookup lookup(CliContext context) {
        return EvidenceLookup.NONE;
    }
}
