package dev.autouser.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Why an audit file cannot take another line, found before anything is written: a log that is a
 * folder, a device (/dev/full swallows nothing), a read-only file (mode 0444 is a decision someone
 * made, so it is honoured even for root), or a data folder that is a file.
 */
final class AuditFileCheck {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AuditFileCheck() {
    }

    static void requireAppendable(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        for (Path ancestor = folder; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor) && !Files.isDirectory(ancestor)) {
                throw unwritable(file, ancestor + " is a file, not a folder");
            }
        }
        if (Files.isDirectory(absolute)) {
            throw unwritable(file, "it is a folder");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw unwritable(file, "it is not a regular file (a device, pipe or socket)");
        }
        if (Files.exists(absolute) && readOnlyByMode(absolute)) {
            throw unwritable(file, "it is read-only (mode without owner write)");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw unwritable(file, "this operating-system user may not write it");
        }
    }

    /**
     * Proves that a line could be appended now without writing one: opens an existing log for
     * appending, or creates (and removes) a file next to a missing one.
     */
    static void requireCanAppend(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            if (Files.exists(absolute)) {
                Files.newByteChannel(absolute, StandardOpenOption.WRITE, StandardOpenOption.APPEND).close();
            } else {
                Files.delete(Files.createTempFile(absolute.getParent(), ".audit-check", ".tmp"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log " + file + ": " + reason(e), e);
        }
    }

    /** The plain reason inside an I/O failure ("No space left on device", "Permission denied"). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "a part of its folder path is a file, not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static boolean readOnlyByMode(Path file) {
        if (!posix(file)) {
            return false;
        }
        try {
            return !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static UncheckedIOException unwritable(Path file, String reason) {
        return new UncheckedIOException("Cannot write the audit log " + file + ": " + reason,
                new IOException(reason));
    }
}
