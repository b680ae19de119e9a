package dev.autouser.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Mutual exclusion for writers of one log, across threads and processes (a GUI and a CLI, or two
 * CLIs). An OS file lock alone is not enough: the JVM holds it per process, and a second thread
 * asking for it gets OverlappingFileLockException. So threads queue on a lock per path first.
 */
final class FileLocks {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    static <T> T holding(Path lockFile, Supplier<T> work) {
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        threads.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return work.get();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the audit log (" + lockFile + ")", e);
        } finally {
            threads.unlock();
        }
    }
}
