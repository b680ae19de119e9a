package dev.autouser.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningDemoTest {
    @TempDir
    Path pkiDir;

    @Test
    void startsSeedsConnectsAndStopsCompletely() throws Exception {
        RunningDemo.Settings settings = new RunningDemo.Settings(pkiDir, 0,
                new DemoData.Options(DemoData.Seed.DEMO, 500), "7.0.14", Duration.ofSeconds(30));
        int port;
        String caBefore;
        try (RunningDemo demo = RunningDemo.start(settings)) {
            port = demo.server().port();
            assertTrue(demo.dbaConnectionString().startsWith("mongodb://localhost:" + port + "/?tls=true&tlsCAFile="));
            assertTrue(demo.dbaConnectionString().endsWith("&tlsCertificateKeyFile=" + pkiDir.resolve("dba.pem")));
            assertTrue(demo.activity().activeUsers().size() >= 4);
            // 30 roster users + 500 extra + CN=dba, dba, CN=teleport-admin, CN=app-backend, CN=remote-eve-root
            assertEquals(535, demo.server().security().users().size());
            caBefore = Files.readString(pkiDir.resolve("ca.pem"));
        }
        assertThrows(IOException.class, () -> new Socket("localhost", port).close());
        assertEquals(caBefore, Files.readString(pkiDir.resolve("ca.pem")));
    }

    @Test
    void theConsolesDemoIsAThreeMemberSetWithSessionsOnlyOnSecondariesToo() throws Exception {
        RunningDemo.Settings settings = RunningDemo.Settings.defaults(pkiDir);
        try (RunningDemo demo = RunningDemo.start(settings)) {
            assertEquals(3, demo.cluster().nodes().size());
            assertTrue(demo.dbaConnectionString().startsWith("mongodb://" + String.join(",", demo.cluster().hosts())
                    + "/?replicaSet=rs0&tls=true&tlsCAFile="), demo.dbaConnectionString());
            int primary = demo.cluster().primaryIndex();
            for (int i = 0; i < 3; i++) {
                if (i != primary) {
                    assertTrue(autoUserSessions(demo.cluster().node(i)) > 0, "demo sessions on secondary " + i);
                }
            }
        }
    }

    @Test
    void aShardedDemoHasSessionsOnlyThroughTheSecondMongos() throws Exception {
        RunningDemo.Settings settings = new RunningDemo.Settings(pkiDir, 0, DemoData.Options.demo(), "7.0.14",
                Duration.ofSeconds(30), RunningDemo.Shape.routers(2));
        try (RunningDemo demo = RunningDemo.start(settings)) {
            assertTrue(autoUserSessions(demo.cluster().node(1)) > 0);
            assertTrue(demo.dbaConnectionString().startsWith("mongodb://" + String.join(",", demo.cluster().hosts())
                    + "/?tls=true"), demo.dbaConnectionString());
        }
    }

    private static long autoUserSessions(SandboxServer node) {
        return node.connections().stream().filter(c -> c.users().stream().anyMatch(u -> u.db().equals("$external")
                && !u.user().equals("CN=dba") && !u.user().equals("CN=teleport-admin"))).count();
    }

    @Test
    void interruptedStartLeavesNoActivityRunning() {
        RunningDemo.Settings settings = new RunningDemo.Settings(pkiDir, 0,
                new DemoData.Options(DemoData.Seed.DEMO, 0), "7.0.14", Duration.ofSeconds(30));
        Set<Thread> before = activityThreads();
        // given a start whose wait for the first sessions is interrupted (e.g. the window closed meanwhile)
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> RunningDemo.start(settings));
        } finally {
            Thread.interrupted();
        }
        // then the activity it had started is stopped, not left opening sessions to a closed server
        Set<Thread> leaked = activityThreads();
        leaked.removeAll(before);
        assertEquals(Set.of(), leaked);
    }

    private static Set<Thread> activityThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("demo-activity") && t.isAlive())
                .collect(Collectors.toSet());
    }
}
