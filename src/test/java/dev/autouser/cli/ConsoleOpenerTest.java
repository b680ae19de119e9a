package dev.autouser.cli;

import dev.autouser.core.AppDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The root command without a subcommand hands its options to whoever opens the console (app.Main). */
class ConsoleOpenerTest {
    @TempDir
    Path home;

    @Test
    void noCommandOpensTheConsoleWithItsOptions() {
        List<String> opened = new ArrayList<>();
        CommandLine line = new CommandLine(new AutoUserCommand(context(),
                (demo, dark) -> opened.add("demo=" + demo + " dark=" + dark)));

        assertEquals(AutoUserCommand.OK, line.execute("--demo", "--dark"));
        assertEquals(List.of("demo=true dark=true"), opened);
    }

    @Test
    void withoutAConsoleNoCommandAsksForOne() {
        CliRun run = CliRun.run();

        assertEquals(AutoUserCommand.USAGE_OR_CONNECTION, run.code());
        assertTrue(run.err().contains("autouser --help"), run::toString);
    }

    @Test
    void anUnexpectedFailureIsOneSentenceNamingTheLogNeverNull() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(CliErrors.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        logger.addAppender(log);
        java.io.StringWriter err = new java.io.StringWriter();
        try {
            int code = AutoUserCommand.execute(context(), (demo, dark) -> {
                throw new NullPointerException();
            }, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));

            assertEquals(AutoUserCommand.USAGE_OR_CONNECTION, code);
            assertEquals("error: The command stopped on an unexpected NullPointerException; the details are in "
                    + dev.autouser.core.logging.LogFolder.todaysFile() + ".", err.toString().strip());
            assertEquals(1, log.list.size());
            assertEquals(NullPointerException.class.getName(), log.list.get(0).getThrowableProxy().getClassName());
        } finally {
            logger.detachAppender(log);
        }
    }

    private CliContext context() {
        return new CliContext(new AppDirs(home.resolve("config"), home.resolve("data")), Map.of(), false,
                new BufferedReader(new StringReader("")));
    }
}
