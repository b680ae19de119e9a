package dev.autouser.sandbox.security;

/**
 * The users and roles of one sandbox server. Seeding code writes to the stores directly (like an
 * init script); clients change them only through {@link UserAdminCommands} after {@link Authorizer}.
 *
 * <p>A replica-set member reads the set's one store through {@link #memberOf}: replication is
 * instant, unless the member's replication is paused ({@link #pauseReplication}), when it keeps
 * authenticating, authorizing and answering {@code usersInfo} from what it had applied until then,
 * as a lagging secondary does with its own copy of {@code admin.system.users}.
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

    public SecurityState() {
        this(new UserStore(), new RoleStore(), null, null);
    }

    private SecurityState(UserStore users, RoleStore roles, SecurityState source, UserCache cache) {
        this.users = users;
        this.roles = roles;
        this.source = source;
        this.cache = cache;
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
        return new SecurityState(null, null, store, new UserCache(invalidationInterval));
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
        return new SecurityState(null, null, store, null);
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
            applied = new SecurityState(source.users.copy(), source.roles.copy(), null, null);
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
        return frozen != null ? frozen : source;
    }
}
