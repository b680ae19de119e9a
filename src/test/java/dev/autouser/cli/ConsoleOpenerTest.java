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

    private CliContext context() {
        return new CliContext(new AppDirs(home.resolve("config"), home.resolve("data")), Map.of(), false,
                new BufferedReader(new StringReader("")));
    }
}
