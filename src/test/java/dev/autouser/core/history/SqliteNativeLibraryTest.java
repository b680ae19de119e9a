package dev.autouser.core.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** SQLite's native library is unpacked once into the data folder, safely, and then loaded from there. */
class SqliteNativeLibraryTest {
    @TempDir
    Path data;

    @Test
    void unpacksTheLibraryOnceOwnerOnlyAndReusesIt() throws Exception {
        Path library = SqliteNativeLibrary.cachedCopy(data.resolve("native")).orElseThrow();

        assertArrayEquals(bundledLibrary(), Files.readAllBytes(library));
        assertTrue(library.startsWith(data.resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())),
                library.toString());
        if (posix()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(library)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("native"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(library.getParent())));
        }
        Object identity = Files.readAttributes(library, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        var modified = Files.getLastModifiedTime(library);

        Path again = SqliteNativeLibrary.cachedCopy(data.resolve("native")).orElseThrow();

        assertEquals(library, again);
        assertEquals(identity, Files.readAttributes(again, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assertEquals(modified, Files.getLastModifiedTime(again));
        assertEquals(List.of(library.getFileName()), filesIn(library.getParent()));
    }

    @Test
    void replacesACopyOfTheWrongSize() throws Exception {
        Path library = SqliteNativeLibrary.cachedCopy(data.resolve("native")).orElseThrow();
        Files.write(library, new byte[] {1, 2, 3});

        Path repaired = SqliteNativeLibrary.cachedCopy(data.resolve("native")).orElseThrow();

        assertArrayEquals(bundledLibrary(), Files.readAllBytes(repaired));
    }

    @Test
    void manyFirstRunsAtOnceAllGetTheWholeLibrary() throws Exception {
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<Path>>> copies = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                copies.add(pool.submit(() -> {
                    start.await();
                    return SqliteNativeLibrary.cachedCopy(data.resolve("native"));
                }));
            }
            start.countDown();
            Path first = copies.get(0).get(60, TimeUnit.SECONDS).orElseThrow();
            for (Future<Optional<Path>> copy : copies) {
                assertEquals(first, copy.get(60, TimeUnit.SECONDS).orElseThrow());
            }
            assertArrayEquals(bundledLibrary(), Files.readAllBytes(first));
            assertEquals(List.of(first.getFileName()), filesIn(first.getParent()), "no partial copies left behind");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neverUsesALibraryInAFolderOthersCanWrite() throws Exception {
        assumeTrue(posix());
        Path library = SqliteNativeLibrary.cachedCopy(data.resolve("native")).orElseThrow();
        Files.setPosixFilePermissions(library.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));

        assertEquals(Optional.empty(), SqliteNativeLibrary.cachedCopy(data.resolve("native")));
    }

    /**
     * The console and a CLI opening the history for the first time at once: both processes load the
     * library from the data folder (as /proc/self/maps shows), and nothing is unpacked into the
     * temporary folder any more.
     */
    @Test
    void twoProcessesOpeningTheHistoryAtOnceBothLoadTheCachedCopy() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")));
        Path tmp = Files.createDirectory(data.resolve("tmp"));
        Path history = data.resolve("data").resolve("history.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Process process = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp",
                        System.getProperty("java.class.path"), SqliteLibraryProcess.class.getName(), history.toString())
                        .redirectErrorStream(true).start();
                processes.add(process);
                BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                outputs.add(output);
                assertEquals("ready", output.readLine());
            }
            for (Process process : processes) {
                process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().flush();
            }
            Path expected = history.getParent().resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
            for (int i = 0; i < 2; i++) {
                assertTrue(processes.get(i).waitFor(120, TimeUnit.SECONDS), "process " + i + " did not finish");
                List<String> lines = outputs.get(i).lines().toList();
                assertEquals(0, processes.get(i).exitValue(), String.join("\n", lines));
                List<String> loaded = lines.stream().filter(l -> l.startsWith("loaded ")).toList();
                assertEquals(1, loaded.size(), String.join("\n", lines));
                assertTrue(Path.of(loaded.get(0).substring("loaded ".length())).startsWith(expected),
                        loaded.get(0) + " is not under " + expected);
            }
            assertEquals(List.of(), filesIn(tmp).stream().filter(f -> f.toString().contains("sqlite")).toList(),
                    "sqlite-jdbc unpacked into the temporary folder");
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private static byte[] bundledLibrary() throws Exception {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::getFileName).sorted().toList();
        }
    }

    private boolean posix() {
        return data.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
