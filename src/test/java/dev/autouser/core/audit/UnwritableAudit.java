package dev.autouser.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The ways an audit log was found unwritable in the field, each set up under a data folder and
 * returning the log's path. Public: the CLI tests reuse them.
 */
public enum UnwritableAudit {
    IS_A_FOLDER("it is a folder") {
        @Override
        void make(Path data, Path log) throws IOException {
            Files.createDirectories(log);
        }
    },
    IS_DEV_FULL("not a regular file") {
        @Override
        void make(Path data, Path log) throws IOException {
            Files.createDirectories(data);
            Files.createSymbolicLink(log, Path.of("/dev/full"));
        }
    },
    READ_ONLY_0444("read-only") {
        @Override
        void make(Path data, Path log) throws IOException {
            Files.createDirectories(data);
            Files.writeString(log, "");
            Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("r--r--r--"));
        }
    },
    DATA_FOLDER_IS_A_FILE("is a file, not a folder") {
        @Override
        void make(Path data, Path log) throws IOException {
            Files.createDirectories(data.getParent());
            Files.writeString(data, "not a folder");
        }
    };

    private final String reason;

    UnwritableAudit(String reason) {
        this.reason = reason;
    }

    /** What the error message says about the file. */
    public String reason() {
        return reason;
    }

    abstract void make(Path data, Path log) throws IOException;

    /** Sets up the fault in {@code home/data} and returns the audit log path in it. */
    public Path prepare(Path home) {
        Path data = home.resolve("data");
        Path log = data.resolve("audit.jsonl");
        try {
            make(data, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log;
    }
}
