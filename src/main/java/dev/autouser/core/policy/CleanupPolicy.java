package dev.autouser.core.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stale users a cleanup takes, by age and state. Each rule is off when empty.
 *
 * @param lockNotCleanedUpAfter lock a user that has been "not cleaned up" (unlocked, holds roles, no
 *                              session: Teleport's session-end step did not run) for longer than this
 * @param dropLockedAfter       drop a user locked for longer than this ...
 * @param dropInactiveAfter     ... and not active, by any source, for longer than this
 */
public record CleanupPolicy(Optional<Duration> lockNotCleanedUpAfter, Optional<Duration> dropLockedAfter,
                            Optional<Duration> dropInactiveAfter) {
    public CleanupPolicy {
        Objects.requireNonNull(lockNotCleanedUpAfter);
        Objects.requireNonNull(dropLockedAfter);
        Objects.requireNonNull(dropInactiveAfter);
        if (dropLockedAfter.isPresent() != dropInactiveAfter.isPresent()) {
            throw new IllegalArgumentException("a drop rule needs both ages: locked for and not active for");
        }
    }

    /**
     * The default of the CLI and the GUI: lock users Teleport left not cleaned up for over an hour
     * (the reversible step), drop only users locked for 30 days and not active for 30 days.
     */
    public static CleanupPolicy conservative() {
        return new CleanupPolicy(Optional.of(Duration.ofHours(1)), Optional.of(Duration.ofDays(30)),
                Optional.of(Duration.ofDays(30)));
    }

    public boolean drops() {
        return dropLockedAfter.isPresent();
    }

    /** The rules in words: "lock: not cleaned up for more than 1 h; drop: locked for more than 30 d and not active for 30 d". */
    public String describe() {
        String lock = lockNotCleanedUpAfter.map(d -> "lock: not cleaned up for more than " + Ages.text(d))
                .orElse("lock: off");
        String drop = dropLockedAfter.map(d -> "drop: locked for more than " + Ages.text(d) + " and not active for "
                + Ages.text(dropInactiveAfter.orElseThrow())).orElse("drop: off");
        return lock + "; " + drop;
    }
}
