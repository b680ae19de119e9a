package dev.autouser.cli;

import dev.autouser.core.AppDirs;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.sandbox.SandboxServer;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The training run for the class-data-sharing archive (issue 13): the build runs
 * {@code java -XX:ArchiveClassesAtExit=autouser.jsa -jar autouser.jar cds-training}, which starts the
 * demo sandbox in-process and runs the everyday commands against it, so that every class a
 * command-line run loads is in the archive and later runs map them instead of loading them from
 * the jar. Hidden: it is part of packaging, not of the product.
 */
@Command(name = "cds-training", hidden = true,
        description = "Build step: run the everyday commands once against an in-process demo server (for the CDS archive).")
final class CdsTrainingCommand implements Callable<Integer> {
    private static final List<List<String>> COMMANDS = List.of(
            List.of("list", "--json"), List.of("list"), List.of("list", "--csv", "--state", "not-cleaned-up"),
            List.of("cleanup", "--locked-only", "--dry-run"), List.of("server-info"));

    @Override
    public Integer call() throws Exception {
        Path home = Files.createTempDirectory("autouser-cds-training");
        try (RunningDemo demo = RunningDemo.start(new RunningDemo.Settings(home.resolve("pki"), 0,
                new DemoData.Options(DemoData.Seed.DEMO, 200), SandboxServer.DEFAULT_VERSION, Duration.ofHours(1)))) {
            CliContext context = new CliContext(new AppDirs(home.resolve("config"), home.resolve("data")), Map.of(),
                    false, null);
            PrintWriter discard = new PrintWriter(Writer.nullWriter());
            PrintWriter err = new PrintWriter(System.err, true);
            for (List<String> command : COMMANDS) {
                String[] args = Stream.concat(command.stream(), Stream.of("--uri", demo.dbaConnectionString()))
                        .toArray(String[]::new);
                int code = AutoUserCommand.execute(context, discard, err, args);
                if (code != AutoUserCommand.OK) {
                    err.println("cds-training: " + String.join(" ", command) + " exited " + code);
                    return code;
                }
            }
            AutoUserCommand.execute(context, discard, err, "--help");
            return AutoUserCommand.OK;
        } finally {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
