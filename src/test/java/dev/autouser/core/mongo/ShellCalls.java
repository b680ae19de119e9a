package dev.autouser.core.mongo;

import org.bson.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs rendered mongosh text in a real JavaScript engine (Node.js) against a stub {@code db} that
 * records each call, so a test sees exactly what mongosh would send: the database and the command
 * or pipeline, with every string as the JavaScript parser read it.
 */
final class ShellCalls {
    private static final String STUB = """
            const calls = [];
            const db = { getSiblingDB: (name) => ({
                runCommand: (command) => { calls.push({ db: name, runCommand: command }); return { ok: 1 }; },
                aggregate: (pipeline) => { calls.push({ db: name, aggregate: pipeline }); return []; },
                getUser: (user) => { calls.push({ db: name, getUser: user }); return null; },
                getRole: (role) => { calls.push({ db: name, getRole: role }); return null; } }) };
            globalThis.injected = () => calls.push({ injected: true });
            """;

    private ShellCalls() {
    }

    static boolean nodeAvailable() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calls the script made, in order; fails if the script is not valid JavaScript. */
    static List<Document> of(String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile("mongosh-text", ".js");
        try {
            Files.writeString(file, STUB + script + "\nprocess.stdout.write(JSON.stringify({ calls }));\n");
            Process process = new ProcessBuilder("node", file.toString()).redirectErrorStream(true).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("node did not finish");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("not valid mongosh text:\n" + script + "\n" + output);
            }
            return Document.parse(output).getList("calls", Document.class);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
