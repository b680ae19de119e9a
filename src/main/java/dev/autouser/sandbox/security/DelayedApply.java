package dev.autouser.sandbox.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A delayed member's copy of the user and role store ({@code secondaryDelaySecs}): mongod's oplog
 * applier holds each entry until {@code delay} after the primary wrote it, so the member keeps
 * authenticating against what the store was that long ago. Until the first write through the
 * primary the member has what its initial sync copied (it follows the store, so seeding that writes
 * straight to the store reaches it); from then on each write reaches it {@code delay} after the
 * primary applied it, by {@code clock}, together with everything the store held at that moment.
 */
final class DelayedApply {
    private record Pending(Instant due, SecurityState state) {
    }

    private final Duration delay;
    private final Clock clock;
    private final Deque<Pending> pending = new ArrayDeque<>();
    /** What the member has applied, or null before the first write (it has the store as synced). */
    private SecurityState applied;

    DelayedApply(Duration delay, Clock clock) {
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("A delayed member's delay is positive, not " + delay + ".");
        }
        this.delay = delay;
        this.clock = clock;
    }

    /** The primary is about to write; the first time, what the member has applied is the store as it is. */
    synchronized void writeStarting(SecurityState store) {
        if (applied == null) {
            applied = store.copy();
        }
    }

    /** The primary has applied a write: the member applies it {@code delay} from now. */
    synchronized void writeApplied(SecurityState store) {
        pending.add(new Pending(clock.instant().plus(delay), store.copy()));
    }

    /** What the member authenticates, authorizes and answers {@code usersInfo} from now. */
    synchronized SecurityState current(SecurityState store) {
        Instant now = clock.instant();
        while (!pending.isEmpty() && !pending.peekFirst().due().isAfter(now)) {
            applied = pending.pollFirst().state();
        }
        return applied != null ? applied : store;
    }
}
