package dev.autouser.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoServerCommandTest {
    private String runAndCaptureErrors(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(AutoUserCommand.USAGE_OR_CONNECTION, AutoUserCommand.run(args));
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownSeedIsRefusedInOneSentence() {
        assertTrue(runAndCaptureErrors("demo-server", "--seed", "full").contains("--seed must be demo or empty"));
    }

    @Test
    void malformedVersionIsRefusedInOneSentence() {
        assertTrue(runAndCaptureErrors("demo-server", "--server-version", "latest")
                .contains("Server version must look like 7.0.14"));
    }

    @Test
    void portInUseIsReportedInOneSentence() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("localhost"))) {
            java.nio.file.Path pki = java.nio.file.Files.createTempDirectory("demo-port-test");
            String errors = runAndCaptureErrors("demo-server", "--port", String.valueOf(taken.getLocalPort()),
                    "--pki-dir", pki.toString());
            assertTrue(errors.startsWith("Cannot start the demo server on port " + taken.getLocalPort()), errors);
            assertTrue(errors.contains("Address already in use"), errors);
        }
    }

    @Test
    void negativeUserCountIsRefused() {
        assertTrue(runAndCaptureErrors("demo-server", "--users", "-5").contains("cannot be negative"));
    }

    @Test
    void unknownEngineIsRefusedInOneSentence() {
        assertTrue(runAndCaptureErrors("demo-server", "--engine", "oracle")
                .contains("--engine must be mongodb or postgres, not 'oracle'."));
    }

    @Test
    void mongoOnlyOptionsAreRefusedForThePostgresDemo() {
        String errors = runAndCaptureErrors("demo-server", "--engine", "postgres", "--replica-set", "3", "--users", "5");
        assertTrue(errors.contains("--users, --replica-set are for the MongoDB demo only"), errors);
    }
}
