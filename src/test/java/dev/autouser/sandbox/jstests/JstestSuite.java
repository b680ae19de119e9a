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
 * run-on primary auth jstests/auth/user_management_commands_edge_cases.js
 * refused-on secondary auth jstests/auth/user_management_commands_edge_cases.js
 * </pre>
 * {@code run-on primary|mongos} runs the file against the primary of a fresh 3-member sandbox set,
 * or the first of two fresh sandbox routers; {@code refused-on secondary} runs it against a
 * secondary of such a set, where it must fail at its first write with 10107 NotWritablePrimary.
 * {@code auth} files start without a connection and reach the sandbox through
 * {@code MongoRunner.runMongod}, relying on the localhost exception as on a fresh mongod
 * ({@code noauth}: a server without access control, for files whose runMongod has no {@code auth});
 * {@code core} files get {@code db} ("test") on a server without access control, as resmoke's
 * core suite runs them.
 */
record JstestSuite(Path root, List<Entry> entries) {
    static final Path ROOT = Path.of("src", "test", "jstests");

    enum Mode { AUTH, NOAUTH, CORE }

    /** Which node of which deployment the file talks to. */
    enum Target { STANDALONE, PRIMARY, SECONDARY, MONGOS }

    record Entry(String file, Mode mode, String notRunnableReason, Target target) {
        Entry(String file, Mode mode, String notRunnableReason) {
            this(file, mode, notRunnableReason, Target.STANDALONE);
        }

        boolean runnable() {
            return notRunnableReason == null;
        }

        /** "jstests/auth/foo.js" or "jstests/auth/foo.js on a replica-set primary". */
        String title() {
            return switch (target) {
                case STANDALONE -> file;
                case PRIMARY -> file + " on a replica-set primary";
                case SECONDARY -> file + " on a replica-set secondary (writes refused)";
                case MONGOS -> file + " through a mongos";
            };
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
                } else if ((parts[0].equals("run-on") || parts[0].equals("refused-on")) && parts.length == 3) {
                    String[] rest = parts[2].split("\\s+", 2);
                    Target target = Target.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
                    if ((target == Target.SECONDARY) != parts[0].equals("refused-on") || target == Target.STANDALONE
                            || rest.length != 2) {
                        throw new IllegalStateException("SUITE.txt: cannot read line: " + raw);
                    }
                    entries.add(new Entry(rest[1], Mode.valueOf(rest[0].toUpperCase(java.util.Locale.ROOT)), null, target));
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
