package dev.autouser.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writers at the same time, in threads and in processes, keep one valid chain of whole lines. */
class AuditConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void concurrentThreadsKeepOneChainThroughRotation() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String name = "t" + t;
            // Each thread its own instance, as a GUI page and a background task would have.
            AuditLog log = new AuditLog(file, Origin.current(Channel.GUI), 20_000).inRun(name);
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    log.append(AuditRecord.now("s", "i", "lock CN=" + name + "-" + i, "CN=" + name + "-" + i, "ok"));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(4, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertOneChain(file, 200, 4);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void concurrentProcessesAndAThreadKeepOneChain() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AuditWriterProcess.class.getName(), file.toString(), "p" + p, "60", "30000")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("p" + p + ".out").toFile()).start());
        }
        AuditLog here = new AuditLog(file, Origin.current(Channel.GUI), 30_000).inRun("gui");
        for (int i = 0; i < 60; i++) {
            here.append(AuditRecord.now("s", "i", "lock CN=gui-" + i, "CN=gui-" + i, "ok"));
        }
        for (int p = 0; p < processes.size(); p++) {
            assertTrue(processes.get(p).waitFor(4, TimeUnit.MINUTES), "writer process " + p + " finished");
            assertEquals(0, processes.get(p).exitValue(), Files.readString(dir.resolve("p" + p + ".out")));
        }
        assertOneChain(file, 240, 4);
    }

    private static void assertOneChain(Path file, int records, int runs) throws Exception {
        AuditReading reading = AuditLog.readFile(file);
        assertEquals(ChainVerdict.Status.INTACT, reading.verdict().status(), reading.verdict().summary());
        assertEquals(records, reading.verdict().chainedRecords());
        assertEquals(records, reading.entries().size());
        Map<String, Long> perRun = reading.entries().stream()
                .collect(Collectors.groupingBy(e -> e.record().run().action(), Collectors.counting()));
        assertEquals(runs, perRun.size(), perRun.toString());
        perRun.values().forEach(count -> assertEquals(records / runs, count));
        // Every line of every file is one whole JSON object.
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path each : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(each)) {
                    assertTrue(line.startsWith("{\"seq\":") && line.endsWith("\"}"), each + ": " + line);
                }
            }
        }
    }
}
