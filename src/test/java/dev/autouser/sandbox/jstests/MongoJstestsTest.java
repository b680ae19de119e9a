package dev.autouser.sandbox.jstests;

import dev.autouser.sandbox.SandboxServer;
import dev.autouser.sandbox.security.RoleId;
import dev.autouser.sandbox.security.StoredUser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * MongoDB's own jstests (vendored under {@code src/test/jstests}, see its README) against the
 * sandbox, each file in its own mongosh process against a fresh sandbox. Files that cannot run
 * against one sandbox server are reported as aborted with the reason from SUITE.txt.
 */
class MongoJstestsTest {
    private static final String HARNESS_USER = "jstests-root";
    private static final String HARNESS_DB = "jstests_harness";
    private static final String HARNESS_PASSWORD = "jstests-root-password";

    @TestFactory
    Stream<DynamicTest> vendoredJstests() {
        JstestSuite suite = JstestSuite.load();
        return suite.entries().stream().map(entry -> DynamicTest.dynamicTest(entry.file(), () -> {
            Assumptions.assumeTrue(entry.runnable(), () -> "not runnable against one sandbox: "
                    + entry.notRunnableReason());
            run(suite.root(), entry);
        }));
    }

    private static void run(Path root, JstestSuite.Entry entry) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(root.resolve(entry.file())), "missing vendored file " + entry.file());
        String mongosh = Mongosh.locate();
        try (SandboxServer server = SandboxServer.builder().port(0).localhostAuthBypass(true).build().start()) {
            List<String> command = new ArrayList<>(List.of(mongosh, "--quiet", "--norc"));
            if (entry.mode() == JstestSuite.Mode.CORE) {
                server.security().users().put(StoredUser.withPassword(HARNESS_USER, HARNESS_DB, HARNESS_PASSWORD,
                        List.of(RoleId.of("root", "admin"))));
                command.add("mongodb://" + HARNESS_USER + ":" + HARNESS_PASSWORD + "@localhost:" + server.port()
                        + "/test?authSource=" + HARNESS_DB + "&directConnection=true");
            } else {
                command.add("--nodb");
            }
            command.add("shim/legacy_shell.js");
            command.add(entry.file());
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            builder.environment().put("JSTEST_PORT", String.valueOf(server.port()));
            builder.environment().put("JSTEST_NAME", Path.of(entry.file()).getFileName().toString());
            Path log = Files.createTempFile("jstest-", ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(entry.file() + " did not finish within 180 s:\n" + tail(log));
            }
            String output = tail(log);
            Files.deleteIfExists(log);
            assertEquals(0, process.exitValue(), () -> entry.file() + " failed:\n" + output);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() <= 6000 ? text : "...\n" + text.substring(text.length() - 6000);
    }
}
