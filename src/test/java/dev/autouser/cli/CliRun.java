package dev.autouser.cli;

import dev.autouser.core.AppDirs;
import dev.autouser.testsupport.MongoTarget;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against the sandbox, as a given certificate identity. */
record CliRun(int code, String out, String err, Path home) {
    static CliRun as(MongoTarget target, String commonName, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--uri", target.uri(), "--tls-ca", target.caFile().toString(),
                "--tls-cert", target.clientFile(commonName).toString()));
        return run(all.toArray(String[]::new));
    }

    static CliRun run(String... args) {
        return runWith(false, "", args);
    }

    /** Runs with a terminal ({@code interactive}) on which the person types {@code typed}. */
    static CliRun runWith(boolean interactive, String typed, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path home = newHome();
        CliContext context = new CliContext(new AppDirs(home.resolve("config"), home.resolve("data")), Map.of(),
                interactive, new BufferedReader(new StringReader(typed)));
        int code = AutoUserCommand.execute(context, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString(), home);
    }

    /** Like {@link #as} with a terminal on which the person types {@code typed}. */
    static CliRun asWith(MongoTarget target, String commonName, boolean interactive, String typed, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--uri", target.uri(), "--tls-ca", target.caFile().toString(),
                "--tls-cert", target.clientFile(commonName).toString()));
        return runWith(interactive, typed, all.toArray(String[]::new));
    }

    /** The audit records the run wrote, oldest first. */
    List<dev.autouser.core.audit.AuditRecord> audit() {
        List<dev.autouser.core.audit.AuditRecord> records = new ArrayList<>(
                new dev.autouser.core.audit.AuditLog(new AppDirs(home.resolve("config"), home.resolve("data")).auditLog())
                        .readNewestFirst(Integer.MAX_VALUE));
        java.util.Collections.reverse(records);
        return records;
    }

    private static Path newHome() {
        try {
            return Files.createTempDirectory("autouser-cli");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String content) {
        try {
            Path file = Files.createTempFile("role", ".yaml");
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
