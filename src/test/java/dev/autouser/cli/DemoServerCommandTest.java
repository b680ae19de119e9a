package dev.autouser.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /**
     * demo-server runs what the console's demo runs (3 members), and its ready line keeps the one-host
     * form scripts match (installer/smoke-test.sh, scripts/compare-mongosh.py); the driver finds all members from it.
     */
    @Test
    void theDefaultIsTheConsolesThreeMemberSetAndTheReadyLineKeepsItsOneHostForm() throws Exception {
        DemoServerCommand command = new DemoServerCommand();
        new picocli.CommandLine(command).parseArgs();
        assertEquals(dev.autouser.sandbox.RunningDemo.Shape.replicaSet(3), command.shape());
        java.nio.file.Path pki = java.nio.file.Files.createTempDirectory("demo-ready-test");
        dev.autouser.sandbox.RunningDemo.Settings settings = dev.autouser.sandbox.RunningDemo.Settings.defaults(pki)
                .withShape(command.shape());
        assertEquals(dev.autouser.sandbox.RunningDemo.Settings.defaults(pki).shape(), settings.shape(),
                "the same shape as the GUI's --demo");
        try (dev.autouser.sandbox.RunningDemo demo = dev.autouser.sandbox.RunningDemo.start(settings)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DemoServerCommand.printReady(new PrintStream(out, true, StandardCharsets.UTF_8), demo);
            String ready = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("^ready mongodb://localhost:(\\d+)/(.*)")
                    .matcher(ready);
            assertTrue(scripts.matches(), ready);
            assertEquals(demo.cluster().hosts().get(0), "localhost:" + scripts.group(1));
            assertTrue(scripts.group(2).startsWith("?replicaSet=rs0&tls=true"), ready);
            String uri = ready.substring("ready ".length());
            try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(
                    com.mongodb.MongoClientSettings.builder().applyConnectionString(new com.mongodb.ConnectionString(uri))
                            .applyToSslSettings(ssl -> ssl.context(dev.autouser.core.pki.SslContexts.forClient(
                                    List.of(demo.pki().caCertificate()), dev.autouser.core.pki.ClientIdentity.load(
                                            demo.seeded().dbaFile(), null, null))))
                            .credential(com.mongodb.MongoCredential.createMongoX509Credential()).build())) {
                client.getDatabase("admin").runCommand(new org.bson.Document("ping", 1));
                java.util.Set<String> found = new java.util.TreeSet<>();
                client.getClusterDescription().getServerDescriptions()
                        .forEach(server -> found.add(server.getAddress().toString()));
                assertEquals(new java.util.TreeSet<>(demo.cluster().hosts()), found, "every member found from one seed");
            }
        }
    }

    @Test
    void standaloneIsStillOneOptionAway() {
        DemoServerCommand command = new DemoServerCommand();
        new picocli.CommandLine(command).parseArgs("--standalone");
        assertEquals(dev.autouser.sandbox.RunningDemo.Shape.STANDALONE, command.shape());
        assertTrue(runAndCaptureErrors("demo-server", "--standalone", "--replica-set", "3").contains("Choose one of"));
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
