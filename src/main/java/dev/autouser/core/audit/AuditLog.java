package dev.autouser.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autouser.core.AppDirs;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The audit log: one JSON object per line in the user's data folder, each record hash-chained to
 * the one before it (see {@link ChainWriter}), written under a lock shared by every process, and
 * stamped with who wrote it and the run it belongs to. Passwords are masked before anything is written.
 *
 * <p>An instance is cheap and immutable: {@link #inRun} and {@link #marked} return views that stamp
 * their records differently but write to the same chain.
 */
public final class AuditLog {
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(\"?\\b(?:pwd|password|passphrase|secret|privateKey)\\b\"?\\s*[:=]\\s*)(\"[^\"]*\"|\\S+)");

    private final LogFiles files;
    private final ChainWriter writer;
    private final Origin origin;
    private final Run run;

    /** A log written by the core used directly (neither GUI nor CLI). */
    public AuditLog(Path file) {
        this(file, Origin.current(Channel.LIBRARY));
    }

    public AuditLog(Path file, Origin origin) {
        this(file, origin, ChainWriter.DEFAULT_MAX_BYTES);
    }

    /** {@code maxBytes}: the size at which the live file is rotated (tests use a small one). */
    public AuditLog(Path file, Origin origin, long maxBytes) {
        this(new LogFiles(file), new ChainWriter(new LogFiles(file), maxBytes), origin, Run.NONE);
    }

    private AuditLog(LogFiles files, ChainWriter writer, Origin origin, Run run) {
        this.files = files;
        this.writer = writer;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.run = run;
    }

    /** The log in {@link AppDirs#auditLog()} for the current user. */
    public static AuditLog forCurrentUser(Channel via) {
        return new AuditLog(AppDirs.forCurrentUser().auditLog(), Origin.current(via));
    }

    public static AuditLog forCurrentUser() {
        return forCurrentUser(Channel.LIBRARY);
    }

    public Path file() {
        return files.live();
    }

    public Path headFile() {
        return files.head();
    }

    public Origin origin() {
        return origin;
    }

    public Run run() {
        return run;
    }

    /**
     * This log with every record in one run: a new run named {@code action}, unless this log is
     * already inside one (a CLI command's run takes in the cleanup it starts).
     */
    public AuditLog inRun(String action) {
        return run.exists() ? this : new AuditLog(files, writer, origin, Run.start(action, Set.of()));
    }

    /** This log with {@code marks} added to every record it writes (a run is started if needed). */
    public AuditLog marked(Mark first, Mark... more) {
        EnumSet<Mark> marks = EnumSet.of(first, more);
        Run current = run.exists() ? run : Run.start("", Set.of());
        return new AuditLog(files, writer, origin, current.withMarks(marks));
    }

    /**
     * Appends one record; outside a run it is a run of its own.
     *
     * @throws UncheckedIOException saying why the log cannot be written (a folder, a device, read-only)
     */
    public void append(AuditRecord record) {
        append(record, true);
    }

    /**
     * Appends one record without waiting for the disk: it is in the file (a crash of this process
     * does not lose it), and on disk, named by the head file, once the next {@link #append} or
     * {@link #sync} returns. For outcome records of a batch, whose next intent record must be forced
     * to disk anyway.
     *
     * @throws UncheckedIOException saying why the log cannot be written
     */
    public void appendUnforced(AuditRecord record) {
        append(record, false);
    }

    /**
     * Forces the records written by {@link #appendUnforced} to disk.
     *
     * @throws UncheckedIOException when the disk refuses
     */
    public void sync() {
        writer.sync();
    }

    private void append(AuditRecord record, boolean force) {
        AuditFileCheck.requireAppendable(files.live());
        AuditRecord stamped = record.stamped(origin, run.exists() ? run : Run.start("", Set.of()));
        writer.append(RecordJson.toJson(stamped), Instant.now(), force);
    }

    /**
     * Fails, saying why, when a record could not be appended right now: the log is a folder, a
     * device such as /dev/full, read-only (mode without owner write, honoured even for root), or its
     * data folder is a file. Called before any change, so nothing is sent that cannot be recorded.
     *
     * @throws UncheckedIOException naming the problem
     */
    public void checkWritable() {
        AuditFileCheck.requireAppendable(files.live());
        AuditFileCheck.requireAppendable(files.lock());
        AuditFileCheck.requireCanAppend(files.live());
    }

    /** Every record with the chain's verdict, read while writers wait so the two agree. */
    public AuditReading read() {
        return read(files, true);
    }

    /** A log given by path, e.g. a copy: its head file is checked when it is there, not required. */
    public static AuditReading readFile(Path file) {
        return read(new LogFiles(file), false);
    }

    public ChainVerdict verify() {
        return read().verdict();
    }

    /** The newest {@code limit} records first; unreadable lines are skipped, not fatal. */
    public List<AuditRecord> readNewestFirst(int limit) {
        List<AuditEntry> entries = read().entries();
        List<AuditRecord> newest = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && newest.size() < limit; i--) {
            newest.add(entries.get(i).record());
        }
        return Collections.unmodifiableList(newest);
    }

    private static AuditReading read(LogFiles files, boolean headRequired) {
        List<LogLine> lines = lockable(files) ? FileLocks.holding(files.lock(), () -> LogReader.read(files))
                : LogReader.read(files);
        ChainVerdict verdict = new ChainVerifier(files, headRequired).verify(lines);
        List<AuditEntry> entries = new ArrayList<>();
        for (LogLine line : lines) {
            line.json().flatMap(RecordJson::fromJson).ifPresent(record -> entries.add(entry(record, line)));
        }
        return new AuditReading(entries, verdict);
    }

    private static AuditEntry entry(AuditRecord record, LogLine line) {
        Optional<JsonNode> chained = line.json().filter(ChainFields::isChained);
        return new AuditEntry(record, chained.map(n -> n.get(ChainFields.SEQ).asLong()).orElse(0L),
                chained.map(n -> n.get(ChainFields.HASH).asText()).orElse(""), line.file().getFileName().toString(),
                line.number());
    }

    /** Readers take the writers' lock when they may; a read-only copy is read as it is. */
    private static boolean lockable(LogFiles files) {
        return Files.isDirectory(files.folder()) && (Files.isWritable(files.lock())
                || !Files.exists(files.lock()) && Files.isWritable(files.folder()));
    }

    /** Masks values of password-like fields, wherever a command text carries them. */
    static String redact(String text) {
        return SECRET.matcher(text).replaceAll("$1\"***\"");
    }
}
