package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends records to a hash chain, one whole line per record, holding the log's lock so that
 * concurrent writers (threads or processes) neither interleave nor fork the chain. Each file starts
 * with a genesis record; when the file passes {@code maxBytes} or a new month begins it is rotated
 * and the next file's genesis continues the chain. After every append the head file names the last
 * record, so a cut-off end is detectable.
 *
 * <p>Cost per record: the tail this process wrote last is remembered (link, where the file's chain
 * starts, and the file's identity, size and time after the write), so while the live file is exactly
 * as this process left it, an append neither re-reads its last and first lines nor parses them; any
 * other change (another writer, an edit, a rotation, a deleted file) fails that check and the file
 * is read as before. A record may be written without forcing it to disk ({@code force} false): the
 * next forced append or {@link #sync} forces it too, since forcing a file forces all its written
 * data, and a file is forced before it is rotated away. Such a record does not move the head file
 * either (replacing it costs about as much as forcing): the next forced append or {@link #sync}
 * does, so at rest the head names the last record as always, and in between a reader sees the
 * record as written after the head (a note, as after an interrupted write).
 */
final class ChainWriter {
    /** Rotation size: about 30,000 records, a few seconds to verify. */
    static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    /** The tail each live file (by absolute path) had after this process last wrote it; read and written under the lock. */
    private static final Map<Path, Tail> TAILS = new ConcurrentHashMap<>();

    private final LogFiles files;
    private final long maxBytes;

    ChainWriter(LogFiles files, long maxBytes) {
        this.files = files;
        this.maxBytes = maxBytes;
    }

    /** Appends {@code body} (time and content fields) as the next record, forced to disk; returns its link. */
    Link append(ObjectNode body, Instant now) {
        return append(body, now, true);
    }

    /**
     * Appends {@code body}; unless {@code force}, the record is handed to the operating system but
     * reaches the disk with the next forced append or {@link #sync}.
     */
    Link append(ObjectNode body, Instant now, boolean force) {
        try {
            Files.createDirectories(files.folder());
            PrivateFiles.create(files.lock());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log " + files.live(), e);
        }
        return FileLocks.holding(files.lock(), () -> {
            try {
                return appendLocked(body, now, force);
            } catch (IOException e) {
                TAILS.remove(files.live());
                throw new UncheckedIOException("Cannot write the audit log " + files.live(), e);
            }
        });
    }

    /**
     * Forces every record written so far to disk (those appended without {@code force}) and moves
     * the head on to the last of them, unless another writer has appended since (it moves the head).
     */
    void sync() {
        Path live = files.live();
        if (!Files.isRegularFile(live)) {
            return;
        }
        FileLocks.holding(files.lock(), () -> {
            try {
                forceToDisk(live);
                Tail known = TAILS.get(live);
                if (known != null && known.matches(attributes(live))
                        && HeadFile.read(files).map(h -> h.link().seq() < known.link().seq()).orElse(true)) {
                    HeadFile.write(files, known.link(), Instant.now());
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the audit log " + live, e);
            }
        });
    }

    private Link appendLocked(ObjectNode body, Instant now, boolean force) throws IOException {
        Path live = files.live();
        StringBuilder lines = new StringBuilder();
        Tail known = TAILS.get(live);
        if (known == null || !known.matches(attributes(live)) || known.needsRotation(maxBytes, now)) {
            known = readTail(live, now, lines);
        }
        ObjectNode record = CanonicalJson.JSON.createObjectNode();
        Link link = chained(record, body, known.link());
        lines.append(CanonicalJson.JSON.writeValueAsString(record)).append('\n');
        write(live, lines.toString(), force);
        Tail tail = new Tail(attributes(live), link, known.fileStart());
        if (force) {
            HeadFile.write(files, link, now);
        }
        TAILS.put(live, tail);
        return link;
    }

    /**
     * The slow path: where the chain continues, read from the files (and the head), rotating or
     * sealing the live file when due; a genesis record for a new live file goes into {@code lines}.
     */
    private Tail readTail(Path live, Instant now, StringBuilder lines) throws IOException {
        Link link;
        FileStart start;
        boolean hasContent = Files.isRegularFile(live) && Files.size(live) > 0;
        Optional<JsonNode> last = hasContent ? LineScanner.lastChained(live) : Optional.empty();
        if (hasContent && last.isEmpty()) {
            // A log from before the chain (or nothing readable): set it aside untouched, sealed by its hash.
            Path sealed = files.sealed(now);
            Files.move(live, sealed, StandardCopyOption.ATOMIC_MOVE);
            link = continueFrom(headOrStart(), now, null, sealed, lines);
            start = FileStart.genesis(link, now);
        } else if (hasContent) {
            Optional<JsonNode> first = LineScanner.firstLine(live);
            link = linkOf(last.get());
            long firstSeq = first.filter(ChainFields::isChained).map(f -> f.get(ChainFields.SEQ).asLong())
                    .orElse(link.seq());
            start = new FileStart(monthOf(first, now), firstSeq);
            if (start.needsRotation(Files.size(live), maxBytes, now)) {
                // Records written without force reach the disk before the file is set aside.
                forceToDisk(live);
                Path rotated = files.rotated(start.month(), firstSeq);
                Files.move(live, rotated, StandardCopyOption.ATOMIC_MOVE);
                link = continueFrom(link, now, rotated, null, lines);
                start = FileStart.genesis(link, now);
            } else if (!LineScanner.endsWithNewline(live)) {
                // A line cut short (disk full, killed writer) stays as evidence; ours starts on its own line.
                lines.append('\n');
            }
        } else {
            // No live file: continue from the head if there is one, so a deleted log shows as a gap.
            Link head = headOrStart();
            link = continueFrom(head, now, null, null, lines);
            start = FileStart.genesis(link, now);
        }
        return new Tail(Optional.empty(), link, start);
    }

    private static Optional<BasicFileAttributes> attributes(Path live) {
        try {
            return Optional.of(Files.readAttributes(live, BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Month and first record number of the live file: when it is rotated and what the rotated file is called. */
    private record FileStart(YearMonth month, long firstSeq) {
        static FileStart genesis(Link genesis, Instant now) {
            return new FileStart(YearMonth.from(now.atOffset(ZoneOffset.UTC)), genesis.seq());
        }

        boolean needsRotation(long size, long maxBytes, Instant now) {
            return size >= maxBytes || !month.equals(YearMonth.from(now.atOffset(ZoneOffset.UTC)));
        }
    }

    /**
     * The live file as this process left it: its identity (inode), size and modification time right
     * after the write, the last record's link and where the file's chain starts.
     */
    private record Tail(BasicFileAttributes written, Link link, FileStart fileStart) {
        Tail(Optional<BasicFileAttributes> written, Link link, FileStart fileStart) {
            this(written.orElse(null), link, fileStart);
        }

        /** True when nobody has touched the file since: same file, same size, same time. */
        boolean matches(Optional<BasicFileAttributes> now) {
            return written != null && written.fileKey() != null && now.isPresent()
                    && written.fileKey().equals(now.get().fileKey())
                    && written.size() == now.get().size()
                    && written.lastModifiedTime().equals(now.get().lastModifiedTime());
        }

        boolean needsRotation(long maxBytes, Instant now) {
            return fileStart.needsRotation(written.size(), maxBytes, now);
        }
    }

    private Link headOrStart() {
        return HeadFile.read(files).map(HeadFile.Head::link).orElse(Link.START);
    }

    private static YearMonth monthOf(Optional<JsonNode> genesis, Instant fallback) {
        Instant time = genesis.map(g -> g.path("time").asText()).flatMap(ChainWriter::instant).orElse(fallback);
        return YearMonth.from(time.atOffset(ZoneOffset.UTC));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Adds the genesis record of a new live file to {@code lines}. */
    private static Link continueFrom(Link link, Instant now, Path previousFile, Path sealedFile, StringBuilder lines)
            throws IOException {
        ObjectNode body = CanonicalJson.JSON.createObjectNode()
                .put(ChainFields.TYPE, ChainFields.GENESIS)
                .put("time", now.toString());
        if (previousFile != null) {
            body.put(ChainFields.PREVIOUS_FILE, previousFile.getFileName().toString());
        }
        if (sealedFile != null) {
            body.put(ChainFields.SEALED_FILE, sealedFile.getFileName().toString())
                    .put(ChainFields.SEALED_SHA256, CanonicalJson.sha256(Files.readAllBytes(sealedFile)));
        }
        ObjectNode genesis = CanonicalJson.JSON.createObjectNode();
        Link next = chained(genesis, body, link);
        lines.append(CanonicalJson.JSON.writeValueAsString(genesis)).append('\n');
        return next;
    }

    /** Fills {@code record}: number first, then the body, then the previous and own hash. */
    private static Link chained(ObjectNode record, ObjectNode body, Link previous) {
        long seq = previous.seq() + 1;
        record.put(ChainFields.SEQ, seq);
        body.properties().forEach(field -> {
            if (!isChainField(field.getKey())) {
                record.set(field.getKey(), field.getValue());
            }
        });
        record.put(ChainFields.PREV, previous.hash());
        String hash = CanonicalJson.hashOf(record);
        record.put(ChainFields.HASH, hash);
        return new Link(seq, hash);
    }

    private static boolean isChainField(String name) {
        return name.equals(ChainFields.SEQ) || name.equals(ChainFields.PREV) || name.equals(ChainFields.HASH);
    }

    static Link linkOf(JsonNode line) {
        return new Link(line.get(ChainFields.SEQ).asLong(), line.get(ChainFields.HASH).asText());
    }

    /** One write call for all new lines, forced to disk (when {@code force}) before the head moves on. */
    private static void write(Path live, String lines, boolean force) throws IOException {
        PrivateFiles.create(live);
        try (FileChannel out = FileChannel.open(live, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            if (force) {
                out.force(false);
            }
        }
    }

    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.force(false);
        }
    }
}
