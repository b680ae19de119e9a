package dev.autouser.core.engine;

import dev.autouser.core.audit.AuditLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * Lost replies settled before every listing of a session that lists again and again (the GUI's refresh),
 * as the CLI settles them before each {@code list}. Finding the open ones reads the whole audit log and its
 * chain, so it is read again only when the log changed since the last settlement: only a change written to
 * the log can leave a new one open. A record that could not be settled then waits for the log's next change.
 */
public final class LostReplySettling {
    private final AutoUserEngine engine;
    private final AuditLog audit;
    /** The live file as the last settlement left it; null: read it next time. */
    private List<Object> settledAt;

    public LostReplySettling(AutoUserEngine engine, AuditLog audit) {
        this.engine = engine;
        this.audit = audit;
    }

    /** Settles what is open (engine's one query, nothing sent when nothing is open); returns how many. */
    public synchronized int beforeListing() {
        if (settledAt != null && settledAt.equals(stamp())) {
            return 0;
        }
        settledAt = null;
        int settled = engine.settleLostReplies(audit);
        // after the settlement, so that its own resolution records do not make the next listing read again
        settledAt = stamp();
        return settled;
    }

    /** Which file, how long, when last written: an append grows it, a rotation replaces it. */
    private List<Object> stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(audit.file(), BasicFileAttributes.class);
            return List.of(Objects.requireNonNullElse(attributes.fileKey(), ""), attributes.size(),
                    attributes.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return List.of("no log yet");
        } catch (IOException e) {
            return null; // cannot tell: read the log every time, as the CLI does
        }
    }
}
