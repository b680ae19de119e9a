package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code audit.jsonl.head}: the number, hash and time of the last record written. A log whose
 * end was cut off no longer reaches the head's record. Replaced atomically after each append.
 */
final class HeadFile {
    record Head(Link link, Instant time) {
    }

    private HeadFile() {
    }

    static Optional<Head> read(LogFiles files) {
        try {
            JsonNode node = CanonicalJson.JSON.readTree(Files.readString(files.head()));
            if (node == null || !node.path(ChainFields.SEQ).isIntegralNumber() || !node.path(ChainFields.HASH).isTextual()) {
                return Optional.empty();
            }
            Instant time = Instant.parse(node.path("time").asText(Instant.EPOCH.toString()));
            return Optional.of(new Head(new Link(node.get(ChainFields.SEQ).asLong(), node.get(ChainFields.HASH).asText()), time));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static boolean exists(LogFiles files) {
        return Files.exists(files.head());
    }

    static void write(LogFiles files, Link link, Instant time) throws IOException {
        ObjectNode head = CanonicalJson.JSON.createObjectNode()
                .put(ChainFields.SEQ, link.seq())
                .put(ChainFields.HASH, link.hash())
                .put("time", time.toString());
        Path temporary = files.head().resolveSibling(files.head().getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        PrivateFiles.create(temporary);
        Files.writeString(temporary, CanonicalJson.JSON.writeValueAsString(head) + "\n");
        Files.move(temporary, files.head(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
