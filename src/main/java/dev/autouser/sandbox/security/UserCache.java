package dev.autouser.sandbox.security;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A mongos's user cache: a user looked up for authentication or authorization is kept and served
 * from memory until the cache is invalidated, so a lock or drop made through another router (or
 * on the config servers) is not seen here until then. A real mongos polls the config servers'
 * user-cache generation every {@code userCacheInvalidationIntervalSecs} (30 s by default) and drops
 * the whole cache when it changed; {@code invalidateUserCache} drops it at once, and the router's
 * own user-management commands invalidate what they changed. Here the cache is dropped at the
 * first lookup after each interval (whatever changed), which keeps the same bound: a change is
 * seen at most one interval late.
 *
 * <p>A user not in the cache is read from the store (a new user logs in at once); roles are not
 * cached (a role change is seen at once, an exception to mongos, which caches resolved privileges).
 */
final class UserCache {
    private final Duration interval;
    private final Map<UserId, StoredUser> users = new HashMap<>();
    private long nextInvalidation;

    UserCache(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The invalidation interval must be positive, not " + interval + ".");
        }
        this.interval = interval;
        this.nextInvalidation = System.nanoTime() + interval.toNanos();
    }

    synchronized Optional<StoredUser> acquire(UserId id, UserStore store) {
        long now = System.nanoTime();
        if (now - nextInvalidation >= 0) {
            users.clear();
            nextInvalidation = now + interval.toNanos();
        }
        StoredUser cached = users.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredUser> fresh = store.find(id);
        fresh.ifPresent(user -> users.put(id, user));
        return fresh;
    }

    synchronized void invalidate() {
        users.clear();
    }
}
