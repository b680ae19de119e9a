package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the two lines a writer needs without reading the whole file: the first (is it a genesis,
 * and of which month) and the last chained one (where the chain continues), scanning back from
 * the end so each append costs the same however long the file is.
 */
final class LineScanner {
    private static final int CHUNK = 8192;

    private LineScanner() {
    }

    static Optional<JsonNode> firstLine(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line == null ? Optional.empty() : parse(line);
        }
    }

    /** The last line that carries chain fields, or empty when none does (an unchained log). */
    static Optional<JsonNode> lastChained(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long end = in.length();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] chunk = new byte[CHUNK];
            // Bytes of the line being assembled, collected back to front.
            for (long position = end; position > 0; ) {
                int size = (int) Math.min(CHUNK, position);
                position -= size;
                in.seek(position);
                in.readFully(chunk, 0, size);
                for (int i = size - 1; i >= 0; i--) {
                    if (chunk[i] == '\n') {
                        Optional<JsonNode> chained = chainedLine(line);
                        if (chained.isPresent()) {
                            return chained;
                        }
                        line.reset();
                    } else {
                        line.write(chunk[i]);
                    }
                }
            }
            return chainedLine(line);
        }
    }

    static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() == 0) {
                return true;
            }
            in.seek(in.length() - 1);
            return in.read() == '\n';
        }
    }

    private static Optional<JsonNode> chainedLine(ByteArrayOutputStream reversed) {
        byte[] bytes = reversed.toByteArray();
        for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
            byte b = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = b;
        }
        return parse(new String(bytes, StandardCharsets.UTF_8)).filter(ChainFields::isChained);
    }

    static Optional<JsonNode> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = CanonicalJson.JSON.readTree(line);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
