package dev.autouser.sandbox.jstests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code src/test/jstests/SUITE.txt}: which vendored MongoDB jstests run and how, and which cannot
 * run against one sandbox server and why. One entry a line:
 * <pre>
 * run    auth jstests/auth/deleted_recreated_user_mongod.js
 * run    core jstests/core/administrative/roles_info.js
 * cannot jstests/auth/foo.js  needs a replica set (ReplSetTest)
 * </pre>
 * {@code auth} files start without a connection and reach the sandbox through
 * {@code MongoRunner.runMongod}, relying on the localhost exception as on a fresh mongod
 * ({@code noauth}: a server without access control, for files whose runMongod has no {@code auth});
 * {@code core} files get {@code db} ("test") on a server without access control, as resmoke's
 * core suite runs them.
 */
record JstestSuite(Path root, List<Entry> entries) {
    static final Path ROOT = Path.of("src", "test", "jstests");

    enum Mode { AUTH, NOAUTH, CORE }

    record Entry(String file, Mode mode, String notRunnableReason) {
        boolean runnable() {
            return notRunnableReason == null;
        }
    }

    static JstestSuite load() {
        Path manifest = ROOT.resolve("SUITE.txt");
        List<Entry> entries = new ArrayList<>();
        try {
            for (String raw : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 3);
                if (parts[0].equals("run") && parts.length == 3) {
                    entries.add(new Entry(parts[2], Mode.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT)), null));
                } else if (parts[0].equals("cannot") && parts.length == 3) {
                    entries.add(new Entry(parts[1], null, parts[2]));
                } else {
                    throw new IllegalStateException("SUITE.txt: cannot read line: " + raw);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JstestSuite(ROOT, List.copyOf(entries));
    }
}
