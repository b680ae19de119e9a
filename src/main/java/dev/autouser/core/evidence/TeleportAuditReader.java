package dev.autouser.core.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads Teleport audit events in the two shapes a DBA has at hand, streaming (a year of audit log
 * is gigabytes): the file audit backend's JSON lines (one event per line, as
 * {@code lib/events/filelog.go} appends them), and the JSON the web UI and the web API hand out: an
 * array of events, an object {@code {"events": [...]}}, or pretty-printed events one after the other.
 * A line that is not JSON or an event of ours that lacks what we need is counted as bad; another
 * event type is counted as foreign. Neither stops the import.
 */
public final class TeleportAuditReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROBLEMS_KEPT = 5;

    private final Consumer<TeleportAuditEvent> sink;
    private final TeleportImportCounts.Builder counts = TeleportImportCounts.builder(PROBLEMS_KEPT);

    private TeleportAuditReader(Consumer<TeleportAuditEvent> sink) {
        this.sink = sink;
    }

    /** Reads every event of {@code input} into {@code sink}; returns what was read, used and skipped. */
    public static TeleportImportCounts read(Reader input, Consumer<TeleportAuditEvent> sink) throws IOException {
        TeleportAuditReader reader = new TeleportAuditReader(sink);
        BufferedReader buffered = input instanceof BufferedReader b ? b : new BufferedReader(input, 1 << 16);
        buffered.mark(1 << 16);
        String first = firstNonBlankLine(buffered);
        buffered.reset();
        if (first == null) {
            return reader.counts.build();
        }
        if (first.startsWith("{") && isCompleteJson(first)) {
            reader.readLines(buffered);
        } else {
            reader.readDocument(buffered);
        }
        return reader.counts.build();
    }

    private void readLines(BufferedReader input) throws IOException {
        long number = 0;
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            counts.read();
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                counts.bad("line " + number + ": not JSON");
                continue;
            }
            take(node, "line " + number);
        }
    }

    /** The web UI / API shapes: an array, {"events": [...]}, or JSON values one after the other. */
    private void readDocument(Reader input) throws IOException {
        try (JsonParser parser = new JsonFactory(JSON).createParser(input)) {
            long index = 0;
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.START_ARRAY) {
                        index = readArray(parser, index);
                    } else if (token == JsonToken.START_OBJECT) {
                        index = readObject(parser, index);
                    } else {
                        counts.read();
                        counts.bad("value " + (++index) + ": not an event");
                    }
                }
            } catch (JsonProcessingException e) {
                // The rest of a broken document cannot be told apart: one problem, reported where it is.
                counts.read();
                counts.bad("the JSON breaks off at line " + e.getLocation().getLineNr() + ": "
                        + e.getOriginalMessage());
            }
        }
    }

    private long readArray(JsonParser parser, long index) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            counts.read();
            index++;
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                counts.bad("element " + index + ": not an event");
                continue;
            }
            take(parser.readValueAsTree(), "element " + index);
        }
        return index;
    }

    /** An event, or a wrapper whose "events" field holds the array (read element by element). */
    private long readObject(JsonParser parser, long index) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode object = JSON.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("events".equals(field) && value == JsonToken.START_ARRAY) {
                index = readArray(parser, index);
            } else {
                object.set(field, parser.readValueAsTree());
            }
        }
        if (object.has("event")) {
            counts.read();
            take(object, "event " + (++index));
        }
        return index;
    }

    private void take(JsonNode node, String where) {
        if (!node.isObject()) {
            counts.bad(where + ": not an event");
            return;
        }
        Optional<TeleportAuditEvent.Kind> kind = TeleportAuditEvent.kindOf(node);
        if (kind.isEmpty()) {
            counts.foreign();
            return;
        }
        try {
            sink.accept(TeleportAuditEvent.from(kind.get(), node));
            counts.used();
        } catch (TeleportAuditEvent.Unusable e) {
            counts.bad(where + ": " + e.getMessage());
        }
    }

    private static String firstNonBlankLine(BufferedReader input) throws IOException {
        char[] window = new char[(1 << 16) - 1];
        int length = input.read(window, 0, window.length);
        if (length <= 0) {
            return null;
        }
        String head = new String(window, 0, length);
        for (String line : head.split("\r?\n", -1)) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }

    private static boolean isCompleteJson(String line) {
        try {
            JSON.readTree(line);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
