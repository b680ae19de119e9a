package dev.autouser.core.audit;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Changes whose reply was lost with the connection ("sent, outcome unknown") and that no later record
 * settled, whatever the engine: each engine reads the server's present state for them and writes one
 * {@link AuditRecord.Phase#RESOLUTION} with the same action id (DESIGN §5: a lost network never hides
 * a change).
 */
public final class LostReplies {
    /** How far back the log is searched; older lost replies were settled by earlier runs. */
    public static final int RECENT = 5_000;

    private LostReplies() {
    }

    /**
     * The unsettled records of the servers {@code server} accepts, newest first. A log that cannot be
     * read gives none: listing must still work, and every change checks the log itself before acting.
     */
    public static List<AuditRecord> open(AuditLog log, Predicate<String> server) {
        try {
            return open(log.readNewestFirst(RECENT), server);
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }

    public static List<AuditRecord> open(List<AuditRecord> newestFirst, Predicate<String> server) {
        Set<String> settled = new HashSet<>();
        List<AuditRecord> open = new ArrayList<>();
        for (AuditRecord record : newestFirst) {
            if (record.phase() == AuditRecord.Phase.RESOLUTION) {
                settled.add(record.actionId());
            } else if (record.outcomeUnknown() && server.test(record.server()) && !settled.contains(record.actionId())
                    && !record.targetUser().isEmpty()) {
                open.add(record);
            }
        }
        return open;
    }

    /**
     * Writes the resolution of {@code lost}: {@code verdict} starts with "resolved: ". Returns false when
     * the log refused it (the record stays open for the next run).
     */
    public static boolean settle(AuditLog log, String identity, AuditRecord lost, String verdict) {
        try {
            log.append(AuditRecord.now(lost.server(), identity, lost.command(), lost.targetUser(), verdict)
                    .inPhase(AuditRecord.Phase.RESOLUTION, lost.actionId()));
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }
}
