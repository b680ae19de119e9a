package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autouser.core.AppDirs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The append-only audit log: one JSON object per line in the user's data folder. Appends are
 * synchronised within the process and each line is written in one call, so lines never interleave.
 * Passwords are masked before anything is written.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(\"?\\b(?:pwd|password|passphrase|secret|privateKey)\\b\"?\\s*[:=]\\s*)(\"[^\"]*\"|\\S+)");

    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    /** The log in {@link AppDirs#auditLog()} for the current user. */
    public static AuditLog forCurrentUser() {
        return new AuditLog(AppDirs.forCurrentUser().auditLog());
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one line. The file is created owner-only (0600 where the file system has POSIX modes):
     * it names users, servers and commands.
     *
     * @throws UncheckedIOException saying why the log cannot be written
     */
    public synchronized void append(AuditRecord record) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", record.time().toString())
                .put("osUser", record.osUser())
                .put("server", record.server())
                .put("identity", record.identity())
                .put("command", record.command())
                .put("targetUser", record.targetUser())
                .put("result", record.result())
                .put("phase", record.phase().jsonName())
                .put("actionId", record.actionId());
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
        AuditFileCheck.requireAppendable(file);
        try (FileChannel channel = AuditFileCheck.openForAppend(file)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log " + file + ": " + AuditFileCheck.reason(e), e);
        }
    }

    /**
     * Fails, saying why, when a record could not be appended right now: the path is a folder, a
     * device such as /dev/full, read-only, or its data folder is a file. Called before any change.
     *
     * @throws UncheckedIOException naming the problem
     */
    public void checkWritable() {
        AuditFileCheck.requireAppendable(file);
        try (FileChannel ignored = AuditFileCheck.openForAppend(file)) {
            // opening for append (and creating when missing) is the check
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log " + file + ": " + AuditFileCheck.reason(e), e);
        }
    }

    /** The newest {@code limit} records first; unreadable lines are skipped, not fatal. */
    public List<AuditRecord> readNewestFirst(int limit) {
        List<String> lines;
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a device such as /dev/full reads zeros forever; a folder cannot be read as lines
            throw new UncheckedIOException("Cannot read the audit log " + file + ": it is not a regular file",
                    new IOException("not a regular file"));
        }
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit log " + file, e);
        }
        List<AuditRecord> records = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && records.size() < limit; i--) {
            parse(lines.get(i)).ifPresent(records::add);
        }
        return Collections.unmodifiableList(records);
    }

    private static java.util.Optional<AuditRecord> parse(String line) {
        if (line.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(line);
            return java.util.Optional.of(new AuditRecord(Instant.parse(node.path("time").asText()),
                    node.path("osUser").asText(), node.path("server").asText(), node.path("identity").asText(),
                    node.path("command").asText(), node.path("targetUser").asText(), node.path("result").asText(),
                    AuditRecord.Phase.parse(node.path("phase").asText("outcome")), node.path("actionId").asText("")));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Masks values of password-like fields, wherever a command text carries them. */
    static String redact(String text) {
        return SECRET.matcher(text).replaceAll("$1\"***\"");
    }
}
