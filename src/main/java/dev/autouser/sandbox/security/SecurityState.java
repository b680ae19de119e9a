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

    public SecurityState() {
        this(new UserStore(), new RoleStore(), null);
    }

    private SecurityState(UserStore users, RoleStore roles, SecurityState source) {
        this.users = users;
        this.roles = roles;
        this.source = source;
    }

    /** A replica-set member's view of {@code store}. */
    public static SecurityState memberOf(SecurityState store) {
        if (store.source != null) {
            throw new IllegalArgumentException("A member replicates the store itself, not another member.");
        }
        return new SecurityState(null, null, store);
    }

    public UserStore users() {
        return current().users;
    }

    public RoleStore roles() {
        return current().roles;
    }

    /** From now on this member serves what it has applied so far, until {@link #resumeReplication}. */
    public synchronized void pauseReplication() {
        if (source == null) {
            throw new IllegalStateException("Only a replica-set member's view can lag.");
        }
        if (applied == null) {
            applied = new SecurityState(source.users.copy(), source.roles.copy(), null);
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
