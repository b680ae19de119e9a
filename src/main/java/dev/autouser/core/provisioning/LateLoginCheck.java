package dev.autouser.core.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The second session check after a lock. A server admits a login in two steps: it reads the user
 * (and checks its restrictions), then attaches the login to the connection; {@code $currentOp} sees
 * only attached logins (mongod's {@code AuthorizationSessionImpl::addAndAuthorizeUser}). A login
 * that read the user just before the lock can therefore attach just after the check that follows
 * the lock, and a drop decided on that check would drop a user whose person has just connected.
 * So, {@link #SETTLE} after the group's last lock, every node is asked once more; a session seen
 * then undoes the lock like one seen in the first check. The login's next command meets the lock
 * (mongod drops it from the session, log id 20242) unless the undo lands first.
 *
 * <p>It narrows the window to a login held inside the server for longer than {@link #SETTLE}
 * between its read and its attach; no client can see inside that step, so no check can close it
 * completely.
 */
final class LateLoginCheck {
    /** A login's read-to-attach step is in-memory; this covers it on a busy server, once per group. */
    static final Duration SETTLE = Duration.ofMillis(100);

    private LateLoginCheck() {
    }

    /**
     * {@code first} joined with the sessions of a census taken {@link #SETTLE} after
     * {@code lastLockNanos}; skipped (no wait, no census) when every locked user already has a session.
     */
    static Map<String, List<LiveSession>> withLateLogins(Map<String, List<LiveSession>> first, Collection<String> locked,
                                                        long lastLockNanos, Supplier<Map<String, List<LiveSession>>> census) {
        if (first.keySet().containsAll(locked)) {
            return first;
        }
        waitUntil(lastLockNanos + SETTLE.toNanos());
        Map<String, List<LiveSession>> joined = new HashMap<>(first);
        census.get().forEach((user, sessions) -> {
            if (!first.containsKey(user)) {
                joined.put(user, sessions);
            }
        });
        return joined;
    }

    private static void waitUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        } catch (InterruptedException e) {
            // ask at once: the second check still runs, only sooner
            Thread.currentThread().interrupt();
        }
    }
}
