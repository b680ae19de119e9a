package dev.autouser.core.logging;

import ch.qos.logback.core.rolling.RollingFileAppender;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The daily log file, created owner-only (0600, in a 0700 folder) before logback opens it: logs name
 * servers, users and identities, like the audit log and the saved profiles. Logback itself would
 * create it with the process umask (usually 0644, readable by every user of the machine).
 */
public final class OwnerOnlyRollingFileAppender<E> extends RollingFileAppender<E> {
    @Override
    public void openFile(String fileName) throws IOException {
        createOwnerOnly(Path.of(fileName).toAbsolutePath());
        super.openFile(fileName);
    }

    static void createOwnerOnly(Path file) throws IOException {
        Path folder = file.getParent();
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return;
        }
        if (!Files.exists(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // an earlier run created it (owner-only, if this appender did)
        }
    }
}
