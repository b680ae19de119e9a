package dev.autouser.cli;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditReading;
import dev.autouser.core.ConsoleException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which log an audit command reads: the user's own, or one given with {@code --file}. */
final class AuditSource {
    @Option(names = "--file", paramLabel = "FILE",
            description = "An audit log to read instead of your own (e.g. a copy): the rotated files and the head "
                    + "file beside it are read too.")
    Path file;

    AuditReading read(CommandLine.Model.CommandSpec spec) {
        if (file == null) {
            AutoUserCommand root = (AutoUserCommand) spec.root().userObject();
            return new AuditLog(root.context().dirs().auditLog()).read();
        }
        if (Files.isDirectory(file)) {
            throw new ConsoleException("--file " + file + " is a folder; name the log file in it (audit.jsonl).");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConsoleException("--file " + file + ": no such file.");
        }
        return AuditLog.readFile(file);
    }
}
