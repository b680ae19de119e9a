package dev.autouser.sandbox.security;

/**
 * The users and roles of one sandbox server. Seeding code writes to the stores directly (like an
 * init script); clients change them only through {@link UserAdminCommands} after {@link Authorizer}.
 *
 * <p>A replica-set member reads the set's one store through {@link #memberOf}: replication is
 * instant, unless the member's replication is paused ({@link #pauseReplication}), when it keeps
 * authenticating, authorizing and answering {@code usersInfo} from what it had applied until then,
 * as a lagging secondary does with its own copy of {@code admin.system.users}; a delayed member
 * ({@link #delayedMemberOf}) serves the store as it was a configured time ago.
 */
public final class SecurityState {

    private final UserStore users;
    private final RoleStore roles;
    /** The store this member replicates, or null when this is the store itself. */
    private final SecurityState source;
    /** While replication is paused: the frozen copy this member serves. */
    private volatile SecurityState applied;
    /** A mongos's user cache, or null: every lookup reads the store. */
    private final UserCache cache;
    /** A delayed member's applier, or null: the member applies the store's writes at once. */
    private final DelayedApply delayed;

    public SecurityState() {
        this(new UserStore(), new RoleStore(), null, null, null);
    }

    private SecurityState(UserStore users, RoleStore roles, SecurityState source, UserCache cache, DelayedApply delayed) {
        this.users = users;
        this.roles = roles;
        this.source = source;
        this.cache = cache;
        this.delayed = delayed;
    }

    /**
     * A mongos's view of the config servers' {@code store}: user administration and {@code usersInfo}
     * read and write the store itself, but authentication and authorization look users up through
     * a {@link UserCache} invalidated every {@code invalidationInterval}
     * ({@code userCacheInvalidationIntervalSecs}) or by {@link #invalidateUserCache()}.
     */
    public static SecurityState routerOf(SecurityState store, java.time.Duration invalidationInterval) {
        if (store.source != null) {
            throw new IllegalArgumentException("A router reads the store itself, not another view.");
        }
        return new SecurityState(null, null, store, new UserCache(invalidationInterval), null);
    }

    /**
     * The user as authentication and authorization see it (mongod's {@code acquireUser}): the store's
     * version, or on a router the cached one.
     */
    public java.util.Optional<StoredUser> acquire(UserId id) {
        UserCache userCache = cache;
        return userCache == null ? users().find(id) : userCache.acquire(id, users());
    }

    /** {@code invalidateUserCache}, and what a router does after its own user-management command. */
    public void invalidateUserCache() {
        if (cache != null) {
            cache.invalidate();
        }
    }

    /** A replica-set member's view of {@code store}. */
    public static SecurityState memberOf(SecurityState store) {
        if (store.source != null) {
            throw new IllegalArgumentException("A member replicates the store itself, not another member.");
        }
        return new SecurityState(null, null, store, null, null);
    }

    /**
     * A delayed member's view of {@code store} ({@code secondaryDelaySecs}: {@code delay}): each write
     * the primary reports through {@link #writeStarting}/{@link #writeApplied} reaches it {@code delay}
     * later by {@code clock} (a test's clock can make that happen at once).
     */
    public static SecurityState delayedMemberOf(SecurityState store, java.time.Duration delay, java.time.Clock clock) {
        if (store.source != null) {
            throw new IllegalArgumentException("A member replicates the store itself, not another member.");
        }
        return new SecurityState(null, null, store, null, new DelayedApply(delay, clock));
    }

    /** The primary is about to write to the store this delayed member follows (nothing for other views). */
    public void writeStarting() {
        if (delayed != null) {
            delayed.writeStarting(source);
        }
    }

    /** The primary has written to the store this delayed member follows (nothing for other views). */
    public void writeApplied() {
        if (delayed != null) {
            delayed.writeApplied(source);
        }
    }

    public UserStore users() {
        return current().users;
    }

    public RoleStore roles() {
        return current().roles;
    }

    /** From now on this member serves what it has applied so far, until {@link #resumeReplication}. */
    public synchronized void pauseReplication() {
        if (source == null || cache != null) {
            throw new IllegalStateException("Only a replica-set member's view can lag.");
        }
        if (applied == null) {
            applied = current().copy();
        }
    }

    /** Catches up at once with everything written meanwhile. */
    public synchronized void resumeReplication() {
        applied = null;
    }

    public boolean isLagging() {
        return applied != null;
    }

    private SecurityState current() {
        if (source == null) {
            return this;
        }
        SecurityState frozen = applied;
        return frozen != null ? frozen : delayed != null ? delayed.current(source) : source;
    }

    /** The users and roles as they are now, frozen (their entries are immutable). */
    SecurityState copy() {
        SecurityState now = current();
        return new SecurityState(now.users.copy(), now.roles.copy(), null, null, null);
    }
}
