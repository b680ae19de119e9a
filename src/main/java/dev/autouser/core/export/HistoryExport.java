package dev.autouser.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.autouser.core.history.HistoryStore;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The raw usage history, exported: every change of a user's state the console recorded (first seen,
 * active, not cleaned up, locked, dropped, unlisted), with its server, engine, time, and the apps and
 * clients of an active spell. Written row by row as the database hands them over, so an export of
 * hundreds of thousands of changes needs the memory of one. CSV and JSON hold the same fields:
 * {@code server, engine, user, at (ISO-8601 UTC), state, app, client}.
 */
public final class HistoryExport {
    /** The CSV header, also the JSON field names. */
    public static final String CSV_HEADER = "server,engine,user,at,state,app,client";
    /** How often progress is reported (changes). */
    static final int PROGRESS_EVERY = 5_000;

    /** Compact objects, one per line, so a large export can still be read and diffed line by line. */
    private static final MinimalPrettyPrinter ONE_CHANGE_PER_LINE = new MinimalPrettyPrinter() {
        @Override
        public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(",\n");
        }
    };

    private HistoryExport() {
    }

    /**
     * Writes the changes (of {@code server} when given, from {@code since} when given) to {@code out}
     * and returns how many. {@code progress} hears the count so far every few thousand changes and at the end.
     */
    public static long write(HistoryStore store, Optional<String> server, Optional<Instant> since,
                             UserExport.Format format, Writer out, LongConsumer progress) throws IOException {
        long written = format == UserExport.Format.CSV ? csv(store, server, since, out, progress)
                : json(store, server, since, out, progress);
        out.flush();
        progress.accept(written);
        return written;
    }

    private static long csv(HistoryStore store, Optional<String> server, Optional<Instant> since, Writer out,
                            LongConsumer progress) throws IOException {
        out.write(CSV_HEADER + "\n");
        long[] count = {0};
        store.forEachChange(server, since, change -> {
            out.write(String.join(",", UserExport.csvField(change.server()), change.engine(),
                    UserExport.csvField(change.user()), change.at().toString(), change.state().word(),
                    UserExport.csvField(change.app()), UserExport.csvField(change.client())));
            out.write('\n');
            report(++count[0], progress);
        });
        return count[0];
    }

    private static long json(HistoryStore store, Optional<String> server, Optional<Instant> since, Writer out,
                             LongConsumer progress) throws IOException {
        long[] count = {0};
        try (JsonGenerator json = UserExport.safeJson(out)) {
            json.setPrettyPrinter(ONE_CHANGE_PER_LINE);
            json.writeStartArray();
            store.forEachChange(server, since, change -> {
                json.writeStartObject();
                json.writeStringField("server", change.server());
                json.writeStringField("engine", change.engine());
                json.writeStringField("user", change.user());
                json.writeStringField("at", change.at().toString());
                json.writeStringField("state", change.state().word());
                json.writeStringField("app", change.app());
                json.writeStringField("client", change.client());
                json.writeEndObject();
                report(++count[0], progress);
            });
            json.writeEndArray();
        }
        out.write('\n');
        return count[0];
    }

    /** "The export cannot be written to FILE: permission denied." (the CLI and the GUI say the same). */
    public static String cannotWrite(java.nio.file.Path file, IOException e) {
        String reason;
        if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            reason = "its folder does not exist";
        } else {
            reason = e.getMessage();
        }
        return "The export cannot be written to " + file + ": " + reason + ".";
    }

    private static void report(long count, LongConsumer progress) {
        if (count % PROGRESS_EVERY == 0) {
            progress.accept(count);
        }
    }
}
