package dev.autouser.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: a usage error is one sentence and a one-line hint (not 50 lines of help); a missing file says so. */
class UsageErrorTest {
    @Test
    void aUsageErrorIsOneSentenceAndAOneLineHint() {
        CliRun run = CliRun.run("list", "--bogus");

        assertEquals(2, run.code(), run.toString());
        assertEquals("error: Unknown option: '--bogus'.\nTry 'autouser list --help' for the options.\n", run.err(), run.toString());
        assertEquals("", run.out(), run.toString());
    }

    @Test
    void aMissingArgumentIsAUsageErrorWithAHint() {
        CliRun run = CliRun.run("lock");

        assertEquals(2, run.code(), run.toString());
        assertEquals(2, run.err().lines().count(), run.toString());
        assertTrue(run.err().startsWith("error: Missing required parameter"), run.toString());
    }

    @Test
    void aMissingFileSaysNoSuchFile() {
        CliRun certificate = CliRun.run("list", "--uri", "mongodb://localhost:1/?tls=true", "--tls-ca", "missing-ca.pem");
        CliRun role = CliRun.run("role", "validate", "--offline", "missing-role.yaml");

        assertEquals(2, certificate.code(), certificate.toString());
        assertEquals("error: No such file: missing-ca.pem\n", certificate.err());
        assertEquals(2, role.code(), role.toString());
        assertEquals("error: No such file: missing-role.yaml\n", role.err());
    }
}
