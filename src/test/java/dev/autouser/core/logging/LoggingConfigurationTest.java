package dev.autouser.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped logging set-up ({@link LogConfiguration}), applied to a private context so the test JVM's logging is untouched. */
class LoggingConfigurationTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream realOut;
    private PrintStream realErr;

    @BeforeEach
    void captureConsole() {
        realOut = System.out;
        realErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Test
    void infoGoesToTodaysFileInTheLogFolderAndDebugDoesNot() throws Exception {
        Path logs = temp.resolve("data").resolve("logs");
        LoggerContext context = configure(Map.of("autouser.log.dir", logs.toString()));
        Logger logger = context.getLogger("dev.autouser.Example");

        logger.info("listing took 12 ms");
        logger.debug("raw usersInfo reply");
        context.stop();

        String log = Files.readString(todaysLog(logs));
        assertTrue(log.contains("INFO  dev.autouser.Example - listing took 12 ms"), log);
        assertFalse(log.contains("raw usersInfo reply"), log);
    }

    @Test
    void theLogFileAndItsFolderAreOwnerOnly() throws Exception {
        Path logs = temp.resolve("data").resolve("logs");
        LoggerContext context = configure(Map.of("autouser.log.dir", logs.toString()));
        context.getLogger("dev.autouser.Example").info("connected as CN=dba@$external");
        context.stop();

        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(todaysLog(logs))));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(logs)));
    }

    @Test
    void debugLevelPropertyTurnsOnDebugInTheFile() throws Exception {
        Path logs = temp.resolve("logs");
        LoggerContext context = configure(Map.of("autouser.log.dir", logs.toString(), "autouser.log.level", "DEBUG"));

        context.getLogger("dev.autouser.Example").debug("raw usersInfo reply");
        context.stop();

        assertTrue(Files.readString(todaysLog(logs)).contains("DEBUG dev.autouser.Example - raw usersInfo reply"));
    }

    @Test
    void warningsReachStderrButNothingEverReachesStdout() throws Exception {
        LoggerContext context = configure(Map.of("autouser.log.dir", temp.toString()));
        Logger logger = context.getLogger("dev.autouser.Example");

        logger.info("connected to localhost:27017");
        logger.warn("certificate expires in 3 days");
        logger.error("drop failed", new IllegalStateException("boom"));
        context.stop();

        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("certificate expires in 3 days"), err);
        assertFalse(err.contains("connected to localhost"), err);
    }

    @Test
    void stderrCopyCanBeSwitchedOff() throws Exception {
        LoggerContext context = configure(Map.of("autouser.log.dir", temp.toString(), "autouser.log.stderr", "OFF"));

        context.getLogger("dev.autouser.Example").error("drop failed");
        context.stop();

        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(todaysLog(temp)).contains("drop failed"));
    }

    @Test
    void unusableLogFolderIsReportedOnStderrAndKeepsStdoutClean() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");
        LoggerContext context = configure(Map.of("autouser.log.dir", notAFolder.resolve("logs").toString()));

        context.getLogger("dev.autouser.Example").info("lost line");
        context.stop();

        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("autouser: logging problem:"),
                stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void defaultLogFolderIsTheDataFoldersLogs() {
        String previous = System.getProperty("autouser.home");
        System.setProperty("autouser.home", temp.toString());
        try {
            assertEquals(temp.resolve("data").resolve("logs").toString(), new LogFolder().getPropertyValue());
        } finally {
            if (previous == null) {
                System.clearProperty("autouser.home");
            } else {
                System.setProperty("autouser.home", previous);
            }
        }
    }

    @Test
    void logbackFindsTheSetUpAsAServiceAndLeavesTheTestsXmlAlone() {
        assertTrue(java.util.ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .anyMatch(provider -> provider.type() == LogConfiguration.class), "META-INF/services names LogConfiguration");
        LoggerContext context = new LoggerContext();
        assertEquals(ch.qos.logback.classic.spi.Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY,
                new LogConfiguration().configure(context), "logback-test.xml is on the test class path");
        assertTrue(context.getLogger("ROOT").iteratorForAppenders().hasNext() == false);
    }

    private static LoggerContext configure(Map<String, String> properties) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        properties.forEach(context::putProperty);
        LogConfiguration.apply(context);
        return context;
    }

    private static Path todaysLog(Path folder) throws IOException {
        Path file = folder.resolve("autouser-" + LocalDate.now() + ".log");
        assertTrue(Files.exists(file), "expected " + file + " in " + listing(folder));
        return file;
    }

    private static String listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(Path::toString).toList().toString();
        }
    }
}
