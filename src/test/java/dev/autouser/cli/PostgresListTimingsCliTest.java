package dev.autouser.cli;

import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code list --timings} with a PostgreSQL URI (it used to be refused): stderr splits the run into
 * start-up and connect, the listing query, the console's decoding, the history and the output, each
 * with the process's CPU time; stdout stays the plain JSON. Times are printed, never asserted.
 */
class PostgresListTimingsCliTest {
    private final PostgresTarget target = PostgresTarget.shared();

    @Test
    void timingsGoToStderrAndNameTheOneListingQuery() throws Exception {
        CliRun run = CliRun.run("list", "--json", "--timings", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertEquals(0, run.code(), run.toString());
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).isArray(), run.toString());
        assertTrue(Pattern.compile("(?m)^timings: start-up and connect \\d+ ms \\(process CPU \\d+ ms\\)$")
                .matcher(run.err()).find(), run.err());
        assertTrue(Pattern.compile("(?m)^timings: listing \\d+ ms \\(process CPU \\d+ ms\\) = queries \\d+ ms"
                        + " \\(list the members of teleport-auto-user \\d+ ms\\) \\+ decode \\d+ ms \\+ other -?\\d+ ms"
                        + " \\+ history \\d+ ms \\+ output \\d+ ms$").matcher(run.err()).find(), run.err());
        assertTrue(Pattern.compile("(?m)^timings: this thread's CPU: queries, decode and other \\d+ ms, history \\d+ ms,"
                + " output \\d+ ms$").matcher(run.err()).find(), run.err());
        assertTrue(run.err().contains("timings: history "), run.err());
    }
}
