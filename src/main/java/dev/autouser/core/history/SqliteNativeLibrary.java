package dev.autouser.core.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * sqlite-jdbc's native library, unpacked once into the data folder instead of on every run.
 *
 * <p>Left alone, sqlite-jdbc copies its 1 MB library out of the jar into the temporary folder under
 * a new random name on every start, reads both copies back byte by byte to compare them, and lists the
 * temporary folder to delete old copies: about a tenth of the client's CPU in a 10,000-user listing.
 * Here the library is unpacked once per sqlite-jdbc version and platform
 * ({@code DATA/native/sqlite-jdbc-VERSION/Linux/x86_64/libsqlitejdbc.so}) and handed to sqlite-jdbc
 * through its own {@code org.sqlite.lib.path}/{@code org.sqlite.lib.name}, which it tries first.
 *
 * <p>Safe against two first runs at once (the console and a CLI): each writes a private temporary
 * file and renames it into place atomically, so a reader only ever sees no file or a whole one. The
 * folders are created owner-only, and a library in a folder that others could write is never
 * loaded (loading it runs its code). When anything here fails, sqlite-jdbc unpacks the library
 * itself as before: this only saves time, it never stops the history.
 */
final class SqliteNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final String RESOURCE_ROOT = "/org/sqlite/native/";
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private SqliteNativeLibrary() {
    }

    /**
     * Points sqlite-jdbc at the copy in {@code nativeFolder} (unpacking it first if needed), unless
     * someone already chose a library with {@code -Dorg.sqlite.lib.path}. The library is loaded once per
     * JVM, so only the first call before the first connection matters.
     */
    static synchronized void useCopyIn(Path nativeFolder) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        cachedCopy(nativeFolder).ifPresent(library -> {
            System.setProperty(NAME_PROPERTY, library.getFileName().toString());
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
        });
    }

    /** The unpacked library in {@code nativeFolder}, unpacking it if missing or incomplete; empty when unusable. */
    static Optional<Path> cachedCopy(Path nativeFolder) {
        try {
            String resourceFolder = LibraryLoaderUtil.getNativeLibResourcePath();
            String name = LibraryLoaderUtil.getNativeLibName();
            URL resource = SQLiteJDBCLoader.class.getResource(resourceFolder + "/" + name);
            if (resource == null || !resourceFolder.startsWith(RESOURCE_ROOT)) {
                return Optional.empty(); // no bundled library for this platform: sqlite-jdbc says so itself
            }
            long size = resource.openConnection().getContentLengthLong();
            Path folder = nativeFolder.toAbsolutePath().resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
                    .resolve(resourceFolder.substring(RESOURCE_ROOT.length()));
            Path library = folder.resolve(name);
            if (!isWhole(library, size)) {
                createOwnerOnly(nativeFolder.toAbsolutePath(), folder);
                unpack(resource, library, size);
            }
            if (!othersCannotWrite(nativeFolder.toAbsolutePath(), library)) {
                LOG.info("Not loading SQLite's library from {}: others can write there", library);
                return Optional.empty();
            }
            return Optional.of(library);
        } catch (IOException | RuntimeException e) {
            LOG.debug("SQLite's library is unpacked by sqlite-jdbc this time: {}", e.toString());
            return Optional.empty();
        }
    }

    /** A file of the resource's size: an atomic rename never leaves a partial one, so size tells a stale copy. */
    private static boolean isWhole(Path library, long size) throws IOException {
        return Files.isRegularFile(library) && (size < 0 || Files.size(library) == size);
    }

    private static void unpack(URL resource, Path library, long size) throws IOException {
        Path folder = library.getParent();
        Path partial = posix(folder)
                ? Files.createTempFile(folder, library.getFileName().toString(), ".part",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempFile(folder, library.getFileName().toString(), ".part");
        try {
            try (InputStream in = resource.openStream(); OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            if (size >= 0 && Files.size(partial) != size) {
                throw new IOException("unpacked " + Files.size(partial) + " of " + size + " bytes");
            }
            if (isWhole(library, size)) {
                return; // another process (the console, a CLI) finished first: keep its copy, which may be loaded
            }
            try {
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Windows will not replace a library another process has loaded; that copy is whole.
                if (!isWhole(library, size)) {
                    throw e;
                }
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Creates {@code folder} and its parents up to and including {@code root}, owner-only where the file system can. */
    private static void createOwnerOnly(Path root, Path folder) throws IOException {
        if (!posix(root)) {
            Files.createDirectories(folder);
            return;
        }
        Path missing = folder;
        java.util.ArrayDeque<Path> toCreate = new java.util.ArrayDeque<>();
        while (missing != null && !Files.isDirectory(missing)) {
            toCreate.push(missing);
            missing = missing.getParent();
        }
        for (Path each : toCreate) {
            try {
                Files.createDirectory(each, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another first run created it the same way
            }
        }
    }

    /**
     * Neither the library nor any folder from the data folder (above {@code root}) down to it is writable
     * by group or others: whoever could replace the file could run code as this user.
     */
    private static boolean othersCannotWrite(Path root, Path library) throws IOException {
        if (!posix(library)) {
            return true; // Windows: the data folder is the user's own profile folder
        }
        Path top = root.getParent() == null ? root : root.getParent();
        for (Path each = library; each != null && each.startsWith(top); each = each.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(each);
            if (permissions.stream().anyMatch(OTHERS_WRITE::contains)) {
                return false;
            }
        }
        return true;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
