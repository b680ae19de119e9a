package dev.autouser.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.autouser.core.ConsoleException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a CLI run leaves in the log: its start-up facts (never a secret) and each failure once, with its cause. */
class CliLogTest {
    private static final String SECRET = "hunter2-never-logged";
    private final Logger console = (Logger) LoggerFactory.getLogger("dev.autouser");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void captureLog() {
        levelBefore = console.getLevel();
        console.setLevel(Level.INFO); // the shipped default; tests run at WARN
        log.start();
        console.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        console.detachAppender(log);
        console.setLevel(levelBefore);
    }

    @Test
    void aCommandLogsItsStartUpFactsButNoOptionValue() {
        CliRun run = CliRun.run("activate", "alice", "--roles", " ",
                "--uri", "mongodb://dba:" + SECRET + "@127.0.0.1:9/?authSource=admin");

        assertEquals(AutoUserCommand.USAGE_OR_CONNECTION, run.code(), run::toString);
        List<String> starts = log.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("Auto-User Console ")).toList();
        assertEquals(1, starts.size(), log.list::toString);
        String start = starts.get(0);
        assertTrue(start.contains(" starts command: autouser activate --roles --uri on Java "
                + System.getProperty("java.version")), start);
        assertTrue(start.contains(System.getProperty("os.name")), start);
        assertTrue(start.contains("data in " + run.home().resolve("data")), start);
        assertTrue(start.contains(" at level " + console.getEffectiveLevel()), start);
        for (ILoggingEvent event : log.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertFalse(text.contains(SECRET) || text.contains("alice"), "an argument reached the log: " + text);
        }
    }

    @Test
    void aFailureNoServerCommandLoggedIsLoggedOnceWithItsStackInTheFileOnly() {
        CliRun run = CliRun.run("activate", "alice", "--roles", " ", "--uri", "mongodb://127.0.0.1:9");

        assertEquals("error: --roles is empty: give at least one role as ROLE@DB, e.g. --roles readWrite@db1.",
                run.err().strip());
        List<ILoggingEvent> failures = log.list.stream().filter(e -> e.getThrowableProxy() != null).toList();
        assertEquals(1, failures.size(), log.list::toString);
        assertEquals(Level.INFO, failures.get(0).getLevel(), "the terminal has the sentence; WARN would repeat it there");
        assertEquals(ConsoleException.class.getName(), failures.get(0).getThrowableProxy().getClassName());
        assertTrue(failures.get(0).getFormattedMessage().startsWith("Command failed: --roles is empty"),
                failures.get(0).getFormattedMessage());
    }

    @Test
    void aServerFailureIsLoggedOnceWithItsCauseAndTheOutcomeOnceMore() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = CliRun.run("list", "--uri", "mongodb://127.0.0.1:" + closedPort, "--timeout", "1");

        assertEquals(AutoUserCommand.USAGE_OR_CONNECTION, run.code(), run::toString);
        List<ILoggingEvent> withCause = log.list.stream().filter(e -> e.getThrowableProxy() != null).toList();
        assertEquals(1, withCause.size(), log.list::toString);
        assertTrue(withCause.get(0).getFormattedMessage().startsWith("Connecting to 127.0.0.1:" + closedPort),
                withCause.get(0).getFormattedMessage());
        String sentence = run.err().strip().substring("error: ".length());
        assertEquals(1, log.list.stream().filter(e -> e.getLevel() == Level.INFO
                && e.getFormattedMessage().equals("Command failed: " + sentence)).count(), log.list::toString);
    }
}
