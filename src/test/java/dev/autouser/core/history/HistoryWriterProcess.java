package dev.autouser.core.history;

import java.nio.file.Path;

/**
 * A second process writing the history, for {@link HistoryConcurrencyTest}: FILE SERVER LISTINGS USERS, and with a
 * fifth argument {@code open-after-go} it opens the file only after the "go" (so it migrates an old schema at the
 * same moment as another opener, {@link HistoryMigrationTest}).
 */
public final class HistoryWriterProcess {
    private HistoryWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 4 && args[4].equals("open-after-go")) {
            System.out.println("ready");
            System.out.flush();
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            try (HistoryStore store = HistoryStore.open(Path.of(args[0]))) {
                HistoryConcurrencyTest.writeAlternating(store, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            }
            return;
        }
        try (HistoryStore store = HistoryStore.open(Path.of(args[0]))) {
            // Handshake: the test holds the write lock and says "go"; this process then writes into it.
            System.out.println("ready");
            System.out.flush();
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            HistoryConcurrencyTest.writeAlternating(store, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
    }
}
