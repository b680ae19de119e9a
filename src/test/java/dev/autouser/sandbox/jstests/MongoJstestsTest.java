package dev.autouser.sandbox.jstests;

import dev.autouser.sandbox.SandboxCluster;
import dev.autouser.sandbox.SandboxServer;
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
    /**
     * Every local address, IPv6 loopback included: the authentication-restriction tests reach the
     * server from {@code ::1} as their "external" client (127.0.0.1 restrictions do not match it).
     */
    private static final String LISTEN_ALL = "::";

    @TestFactory
    Stream<DynamicTest> vendoredJstests() {
        JstestSuite suite = JstestSuite.load();
        return suite.entries().stream().map(entry -> DynamicTest.dynamicTest(entry.title(), () -> {
            Assumptions.assumeTrue(entry.runnable(), () -> "not runnable against one sandbox: "
                    + entry.notRunnableReason());
            run(suite.root(), entry);
        }));
    }

    private static void run(Path root, JstestSuite.Entry entry) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(root.resolve(entry.file())), "missing vendored file " + entry.file());
        String mongosh = Mongosh.locate();
        try (SandboxCluster deployment = deployment(entry)) {
            SandboxServer server = node(deployment, entry.target());
            List<String> command = new ArrayList<>(List.of(mongosh, "--quiet", "--norc"));
            if (entry.mode() == JstestSuite.Mode.CORE) {
                command.add("mongodb://localhost:" + server.port() + "/test?directConnection=true");
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
            if (entry.target() == JstestSuite.Target.SECONDARY) {
                // A secondary takes no writes: the file's first user-management write is refused with
                // 10107 NotWritablePrimary, whose message mongod words "not primary" (mongosh prints only that).
                assertTrue(process.exitValue() != 0 && output.contains("MongoServerError: not primary"),
                        () -> entry.title() + " was not refused:\n" + output);
            } else {
                assertEquals(0, process.exitValue(), () -> entry.title() + " failed:\n" + output);
            }
        }
    }

    /** A fresh deployment for one file: one server, a 3-member set, or two routers. */
    private static SandboxCluster deployment(JstestSuite.Entry entry) {
        SandboxCluster.Builder builder = switch (entry.target()) {
            case STANDALONE -> SandboxCluster.standalone();
            case PRIMARY, SECONDARY -> SandboxCluster.replicaSet(3);
            case MONGOS -> SandboxCluster.routers(2);
        };
        return builder.eachNode(node -> node.host(LISTEN_ALL).localhostAuthBypass(true)
                .accessControl(entry.mode() == JstestSuite.Mode.AUTH)).start();
    }

    private static SandboxServer node(SandboxCluster deployment, JstestSuite.Target target) {
        int primary = deployment.primaryIndex();
        return switch (target) {
            case STANDALONE, MONGOS -> deployment.first();
            case PRIMARY -> deployment.node(primary);
            case SECONDARY -> deployment.node((primary + 1) % deployment.nodes().size());
        };
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() <= 6000 ? text : "...\n" + text.substring(text.length() - 6000);
    }
}
