package dev.autouser.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: {@code --timeout 2147484} overflowed the driver's int milliseconds (and hung against a
 * healthy server); {@code -1} and {@code 0} were silently clamped. Each is refused before connecting.
 */
class TimeoutOptionTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "3601", "2147484", "2147483647"})
    void outOfRangeTimeoutIsAUsageErrorNamingTheRange(String seconds) {
        CliRun run = CliRun.run("list", "--uri", "mongodb://localhost:1/", "--timeout", seconds);
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("The timeout must be between 1 and 3600 seconds"), run.toString());
    }
}
