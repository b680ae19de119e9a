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
record CliRun(int code, String out, String err) {
    static CliRun as(MongoTarget target, String commonName, String... args) {
        return run(connected(target, commonName, args));
    }

    /** Like {@link #as} with the app's folders under {@code home} ({@code home/config}, {@code home/data}). */
    static CliRun asIn(Path home, MongoTarget target, String commonName, String... args) {
        return runIn(home, connected(target, commonName, args));
    }

    static String[] connected(MongoTarget target, String commonName, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--uri", target.uri(), "--tls-ca", target.caFile().toString(),
                "--tls-cert", target.clientFile(commonName).toString()));
        return all.toArray(String[]::new);
    }

    static CliRun run(String... args) {
        try {
            return runIn(Files.createTempDirectory("autouser-cli"), args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CliRun runIn(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new AppDirs(home.resolve("config"), home.resolve("data")), Map.of(), false,
                new BufferedReader(new StringReader("")));
        int code = AutoUserCommand.execute(context, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
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
