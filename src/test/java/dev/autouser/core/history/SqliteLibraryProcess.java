package dev.autouser.core.history;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process opening the history, for {@link SqliteNativeLibraryTest}: HISTORY_FILE. Waits for "go" on
 * stdin (so two start at once), opens the store and prints the mapping of SQLite's native library from
 * /proc/self/maps: the file this process really loaded.
 */
public final class SqliteLibraryProcess {
    private SqliteLibraryProcess() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
        try (HistoryStore store = HistoryStore.open(Path.of(args[0]))) {
            store.isDemo("nobody:1", "mongodb");
        }
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            lines.filter(line -> line.contains("sqlitejdbc")).map(line -> line.substring(line.indexOf('/')))
                    .distinct().forEach(path -> System.out.println("loaded " + path));
        }
    }
}
