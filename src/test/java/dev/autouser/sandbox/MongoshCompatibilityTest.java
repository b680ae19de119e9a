package dev.autouser.sandbox;

import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox against a real mongosh (Node.js driver), when {@code MONGOSH_BIN} names one
 * (e.g. after {@code npm install mongosh}); reported as skipped otherwise.
 */
@EnabledIfEnvironmentVariable(named = "MONGOSH_BIN", matches = ".+")
class MongoshCompatibilityTest {
    private final MongoTarget target = MongoTarget.sandbox();

    private String mongosh(String script) throws IOException, InterruptedException {
        int port = target.sandboxServer().orElseThrow().port();
        List<String> command = new ArrayList<>(List.of(System.getenv("MONGOSH_BIN"), "--quiet", "--tls",
                "--host", "localhost", "--port", String.valueOf(port),
                "--tlsCAFile", target.caFile().toString(),
                "--tlsCertificateKeyFile", target.clientFile(MongoTarget.DBA).toString(),
                "--authenticationMechanism", "MONGODB-X509", "--authenticationDatabase", "$external",
                "--eval", script));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "mongosh did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void mongoshLogsInWithX509AndRunsTheConsolesCommands() throws Exception {
        String output = mongosh("const s = db.runCommand({connectionStatus: 1});"
                + "print(s.authInfo.authenticatedUsers[0].user);"
                + "print(db.getSiblingDB('$external').runCommand({usersInfo: 1}).ok);"
                + "print(db.currentOp(true).inprog.some(op => op.appName && op.appName.startsWith('mongosh')));"
                + "print(db.getSiblingDB('admin').aggregate([{$currentOp: {allUsers: true, idleConnections: true}}]).toArray().length > 0);");
        assertEquals(List.of("CN=dba", "1", "true", "true"), output.lines().toList());
    }
}
