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
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Appends records to a hash chain, one whole line per record, holding the log's lock so that
 * concurrent writers (threads or processes) neither interleave nor fork the chain. Each file starts
 * with a genesis record; when the file passes {@code maxBytes} or a new month begins it is rotated
 * and the next file's genesis continues the chain. After every append the head file names the last
 * record, so a cut-off end is detectable.
 */
final class ChainWriter {
    /** Rotation size: about 30,000 records, a few seconds to verify. */
    static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    private final LogFiles files;
    private final long maxBytes;

    ChainWriter(LogFiles files, long maxBytes) {
        this.files = files;
        this.maxBytes = maxBytes;
    }

    /** Appends {@code body} (time and content fields) as the next record; returns its link. */
    Link append(ObjectNode body, Instant now) {
        try {
            Files.createDirectories(files.folder());
            PrivateFiles.create(files.lock());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log " + files.live(), e);
        }
        return FileLocks.holding(files.lock(), () -> {
            try {
                return appendLocked(body, now);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the audit log " + files.live(), e);
            }
        });
    }

    private Link appendLocked(ObjectNode body, Instant now) throws IOException {
        Path live = files.live();
        StringBuilder lines = new StringBuilder();
        Link link;
        boolean hasContent = Files.isRegularFile(live) && Files.size(live) > 0;
        Optional<JsonNode> last = hasContent ? LineScanner.lastChained(live) : Optional.empty();
        if (hasContent && last.isEmpty()) {
            // A log from before the chain (or nothing readable): set it aside untouched, sealed by its hash.
            Path sealed = files.sealed(now);
            Files.move(live, sealed, StandardCopyOption.ATOMIC_MOVE);
            link = continueFrom(headOrStart(), now, null, sealed, lines);
        } else if (hasContent) {
            Optional<JsonNode> first = LineScanner.firstLine(live);
            link = linkOf(last.get());
            if (needsRotation(live, first, now)) {
                long firstSeq = first.filter(ChainFields::isChained).map(f -> f.get(ChainFields.SEQ).asLong())
                        .orElse(link.seq());
                Path rotated = files.rotated(monthOf(first, now), firstSeq);
                Files.move(live, rotated, StandardCopyOption.ATOMIC_MOVE);
                link = continueFrom(link, now, rotated, null, lines);
            } else if (!LineScanner.endsWithNewline(live)) {
                // A line cut short (disk full, killed writer) stays as evidence; ours starts on its own line.
                lines.append('\n');
            }
        } else {
            // No live file: continue from the head if there is one, so a deleted log shows as a gap.
            Link head = headOrStart();
            link = continueFrom(head, now, null, null, lines);
        }
        ObjectNode record = CanonicalJson.JSON.createObjectNode();
        link = chained(record, body, link);
        lines.append(CanonicalJson.JSON.writeValueAsString(record)).append('\n');
        write(live, lines.toString());
        HeadFile.write(files, link, now);
        return link;
    }

    private Link headOrStart() {
        return HeadFile.read(files).map(HeadFile.Head::link).orElse(Link.START);
    }

    private boolean needsRotation(Path live, Optional<JsonNode> first, Instant now) throws IOException {
        return Files.size(live) >= maxBytes || !monthOf(first, now).equals(YearMonth.from(now.atOffset(ZoneOffset.UTC)));
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

    /** One write call for all new lines, forced to disk before the head moves on. */
    private static void write(Path live, String lines) throws IOException {
        PrivateFiles.create(live);
        try (FileChannel out = FileChannel.open(live, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        }
    }
}
