package dev.autouser.core.history;

import java.nio.file.Path;

/** A second process writing the history, for {@link HistoryConcurrencyTest}: FILE SERVER LISTINGS USERS. */
public final class HistoryWriterProcess {
    private HistoryWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (HistoryStore store = HistoryStore.open(Path.of(args[0]))) {
            // Handshake: the test holds the write lock and says "go"; this process then writes into it.
            System.out.println("ready");
            System.out.flush();
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            HistoryConcurrencyTest.writeAlternating(store, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
    }
}
