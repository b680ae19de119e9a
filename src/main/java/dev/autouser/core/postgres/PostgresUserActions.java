package dev.autouser.core.postgres;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.engine.UserActions;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupCriteria;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.CleanupRunAudit;
import dev.autouser.core.provisioning.LiveSession;
import dev.autouser.core.provisioning.OwnedObjects;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.UserState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Lock, drop and cleanup of PostgreSQL auto-users: a plan from one listing (plus one query for the names
 * that are not auto-users), whose commands are the exact SQL ({@link AutoUserSql}); an execution in which
 * every statement re-checks group membership and sessions on the server. A drop of a user who owns
 * objects fails with 2BP01 and leaves the user locked (Teleport's own fallback, TP004) unless the DBA
 * named a role to take the objects ({@link #reassigningOwnedTo}).
 */
public final class PostgresUserActions implements UserActions {
    private final PostgresGateway gateway;
    private final AuditLog audit;
    private final Optional<String> newOwner;
    private final Runnable afterDisableLogin;
    /** A drop plan puts owners down as "stays locked" (no DROP ROLE) when no role takes their objects. */
    private final boolean ownersStayLocked;
    private UnaryOperator<AutoUserListing> recordListing = UnaryOperator.identity();

    public PostgresUserActions(PostgresGateway gateway, AuditLog audit) {
        this(gateway, audit, Optional.empty(), () -> { });
    }

    /** Tests: {@code afterDisableLogin} runs between each user's NOLOGIN and its session check. */
    PostgresUserActions(PostgresGateway gateway, AuditLog audit, Optional<String> newOwner, Runnable afterDisableLogin) {
        this(gateway, audit, newOwner, afterDisableLogin, false);
    }

    private PostgresUserActions(PostgresGateway gateway, AuditLog audit, Optional<String> newOwner, Runnable afterDisableLogin,
                                boolean ownersStayLocked) {
        this.ownersStayLocked = ownersStayLocked;
        this.gateway = gateway;
        this.audit = audit;
        this.newOwner = newOwner;
        this.afterDisableLogin = afterDisableLogin;
    }

    /** Drops that reassign each user's objects to {@code role} first (REASSIGN OWNED, DROP OWNED, DROP ROLE in one transaction). */
    @Override
    public UserActions reassigningOwnedTo(String role) {
        SqlText.checkName(role);
        return new PostgresUserActions(gateway, audit, Optional.of(role), afterDisableLogin, ownersStayLocked)
                .recordingListingsWith(recordListing);
    }

    /**
     * Drops that leave a user who owns objects locked instead of sending a DROP ROLE that PostgreSQL would
     * refuse (2BP01): the plan says "stays locked" for it (a lock, its SQL without the drop) unless a role
     * takes the objects ({@link #reassigningOwnedTo}). The GUI plans this way, so its counts are true.
     */
    @Override
    public UserActions keepingOwnersLocked() {
        return new PostgresUserActions(gateway, audit, newOwner, afterDisableLogin, true).recordingListingsWith(recordListing);
    }

    /** Each plan's listing goes through {@code recorder} (the usage history, keyed by server and engine). */
    @Override
    public PostgresUserActions recordingListingsWith(UnaryOperator<AutoUserListing> recorder) {
        this.recordListing = java.util.Objects.requireNonNull(recorder, "recorder");
        return this;
    }

    @Override
    public AutoUserListing listForPlan() {
        PostgresUnknownOutcomes.settle(gateway, audit);
        return recordListing.apply(new PostgresLister(gateway).list());
    }

    @Override
    public CleanupPlan planOf(CleanupAction action, AutoUserListing listing, Map<String, String> reasons) {
        List<AutoUser> taken = listing.users().stream()
                .filter(user -> reasons.containsKey(user.name()))
                .filter(user -> user.state() != UserState.ACTIVE)
                .filter(user -> !alreadyDone(user, action))
                .toList();
        Set<String> holding = dependedOn(taken, action);
        List<PlannedAction> actions = taken.stream().map(user -> planned(user, action, reasons.get(user.name()), holding)).toList();
        return new CleanupPlan(action, actions, List.of(), Instant.now());
    }

    @Override
    public CleanupPlan plan(CleanupCriteria criteria) {
        AutoUserListing listing = listForPlan();
        List<AutoUser> taken = listing.users().stream()
                .filter(criteria::matches)
                .filter(user -> !alreadyDone(user, criteria.action()))
                .toList();
        Set<String> holding = dependedOn(taken, criteria.action());
        List<PlannedAction> actions = taken.stream()
                .map(user -> planned(user, criteria.action(), criteria.reason(user), holding)).toList();
        return new CleanupPlan(criteria.action(), actions, List.of(), Instant.now());
    }

    @Override
    public CleanupPlan planFor(CleanupAction action, List<String> users) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(users));
        names.forEach(SqlText::checkName);
        PostgresUnknownOutcomes.settle(gateway, audit);
        AutoUserListing listing = new PostgresLister(gateway).list();
        Set<String> existing = names.isEmpty() ? Set.of() : existingRoles(names);
        Set<String> holding = dependedOn(names.stream().map(listing::find).flatMap(Optional::stream).toList(), action);
        List<PlannedAction> actions = new ArrayList<>();
        List<CleanupPlan.Refusal> refused = new ArrayList<>();
        for (String name : names) {
            Optional<AutoUser> user = listing.find(name);
            if (user.isEmpty()) {
                refused.add(new CleanupPlan.Refusal(name, existing.contains(name)
                        ? "not managed by Teleport (not a plain member of " + AutoUserSql.GROUP + ", or its administrator:"
                        + " WITH ADMIN OPTION, SUPERUSER or CREATEROLE): the console never changes it"
                        : "no such role"));
            } else if (user.get().state() == UserState.ACTIVE) {
                refused.add(new CleanupPlan.Refusal(name, connected(user.get().sessions())));
            } else if (alreadyDone(user.get(), action)) {
                refused.add(new CleanupPlan.Refusal(name, "already locked (NOLOGIN, no roles): nothing to change"));
            } else {
                actions.add(planned(user.get(), action, user.get().locked() ? "locked (NOLOGIN), no live session"
                        : "not locked, no live session", holding));
            }
        }
        return new CleanupPlan(action, actions, refused, Instant.now());
    }

    @Override
    public CleanupReport execute(CleanupPlan plan, ProgressListener listener) {
        AuditLog run = audit.inRun(CleanupRunAudit.runName(plan));
        AuditTrail trail = new AuditTrail(run, gateway.server(), gateway.identity());
        trail.checkWritable();
        CleanupRunAudit.recordRefusals(trail, plan);
        return new PostgresCleanupExecutor(gateway, trail, listener, newOwner, afterDisableLogin).execute(plan);
    }

    @Override
    public void recordDryRun(CleanupPlan plan) {
        CleanupRunAudit.recordDryRun(audit, gateway.server(), gateway.identity(), plan);
    }

    /** A lock of a user that is NOLOGIN and holds no roles would change nothing. */
    private static boolean alreadyDone(AutoUser user, CleanupAction action) {
        return action == CleanupAction.LOCK && user.locked() && user.roles().isEmpty();
    }

    private Set<String> existingRoles(List<String> names) {
        String list = String.join(", ", names.stream().map(SqlText::literal).toList());
        return gateway.query("SELECT rolname FROM pg_roles WHERE rolname IN (" + list + ")", "look up the named roles", rows -> {
            Set<String> found = new java.util.HashSet<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        });
    }

    static String connected(List<LiveSession> sessions) {
        List<String> where = sessions.stream().map(s -> s.database().isEmpty() ? "" : "to " + s.database()
                + (s.clientAddress().isEmpty() ? "" : " from " + s.clientAddress())).filter(w -> !w.isEmpty()).distinct().toList();
        return "has " + sessions.size() + (sessions.size() == 1 ? " live session" : " live sessions")
                + (where.isEmpty() ? "" : " (" + String.join(", ", where) + ")");
    }

    /**
     * For a drop with a new owner: which of {@code users} own objects or hold privileges anywhere on the
     * server ({@code pg_shdepend}, every kind of dependency), in one query. Only they get the REASSIGN
     * OWNED / DROP OWNED; the others a plain DROP ROLE.
     */
    private Set<String> dependedOn(List<AutoUser> users, CleanupAction action) {
        if (newOwner.isEmpty() || action != CleanupAction.DROP || users.isEmpty()) {
            return Set.of();
        }
        String list = String.join(", ", users.stream().map(u -> SqlText.literal(u.name())).toList());
        return gateway.query("SELECT DISTINCT r.rolname FROM pg_shdepend s JOIN pg_roles r ON r.oid = s.refobjid"
                + " WHERE s.refclassid = 'pg_authid'::regclass AND r.rolname IN (" + list + ")",
                "find which roles own objects or hold privileges", rows -> {
                    Set<String> found = new java.util.HashSet<>();
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                    return found;
                });
    }

    private PlannedAction planned(AutoUser user, CleanupAction action, String reason, Set<String> holding) {
        String db = gateway.facts().database();
        String name = user.name();
        List<String> commands = new ArrayList<>();
        commands.add(AutoUserSql.disableLogin(db, name).shellText());
        commands.add(AutoUserSql.revokeRoles(db, name, gateway.facts().adminOptionRules()).shellText());
        if (staysLocked(user, action)) {
            return new PlannedAction(name, CleanupAction.LOCK, reason + "; " + STAYS_LOCKED + " (" + ownedHere(user) + "): "
                    + OWNER_NOT_DROPPED, commands, user);
        }
        if (action == CleanupAction.DROP && newOwner.isPresent() && (!user.ownedObjects().isEmpty() || holding.contains(name))) {
            // psql's \connect before each other database's statement: the dry run is a script that does the same
            List<String> elsewhere = otherDatabases(user);
            elsewhere.forEach(other -> commands.add("\\connect " + SqlText.identifier(other) + "\n"
                    + AutoUserSql.reassignOwned(other, name, newOwner.get()).shellText()));
            commands.add((elsewhere.isEmpty() ? "" : "\\connect " + SqlText.identifier(db) + "\n")
                    + AutoUserSql.reassignAndDrop(db, name, newOwner.get()).shellText());
        } else if (action == CleanupAction.DROP) {
            commands.add(AutoUserSql.dropRole(db, name).shellText());
        }
        return new PlannedAction(name, action, reason + owns(user, action)
                + (action == CleanupAction.DROP && newOwner.isPresent() && user.ownedObjects().isEmpty() && holding.contains(name)
                ? "; holds privileges granted to it: revoked (DROP OWNED) before the drop" : ""), commands, user);
    }

    /** The Action a kept owner shows: a lock in a drop plan (PostgresCleanupExecutor words its result the same). */
    public static final String STAYS_LOCKED = "stays locked (owns objects)";
    static final String OWNER_NOT_DROPPED = "not dropped, as Teleport does (TP004), since PostgreSQL refuses to drop a role"
            + " that owns objects (2BP01), unless its objects are first reassigned to another role";

    /** A drop of an owner that no role takes the objects of, planned as "stays locked" ({@link #keepingOwnersLocked}). */
    private boolean staysLocked(AutoUser user, CleanupAction action) {
        return ownersStayLocked && action == CleanupAction.DROP && newOwner.isEmpty() && !user.ownedObjects().isEmpty();
    }

    static String ownedHere(AutoUser user) {
        return String.join(", ", user.ownedObjects().stream().map(OwnedObjects::describe).toList());
    }

    /** The databases other than this connection's where the listing saw the user own objects. */
    private List<String> otherDatabases(AutoUser user) {
        return user.ownedObjects().stream().map(OwnedObjects::database)
                .filter(other -> !other.isEmpty() && !other.equals(gateway.facts().database())).distinct().toList();
    }

    /** What the plan says about owned objects, so the DBA sees the 2BP01 coming before confirming. */
    private String owns(AutoUser user, CleanupAction action) {
        if (action != CleanupAction.DROP || user.ownedObjects().isEmpty()) {
            return "";
        }
        String where = String.join(", ", user.ownedObjects().stream().map(OwnedObjects::describe).toList());
        if (newOwner.isPresent()) {
            List<String> elsewhere = otherDatabases(user);
            return "; owns objects (" + where + "), reassigned to " + newOwner.get()
                    + (elsewhere.isEmpty() ? "" : " in each database over a connection of its own (" + String.join(", ", elsewhere)
                    + " first, while it stays locked; a database the console cannot connect to stops the drop)");
        }
        // Said the same to every caller; how to choose a new owner is the CLI's option or the GUI's choice, said there.
        return "; owns objects (" + where + "): PostgreSQL will refuse the drop (2BP01) and the user stays locked, as"
                + " Teleport does (TP004), unless its objects are first reassigned to another role";
    }

    /** Reported by the executor when the server refuses a statement it checks itself. */
    static String why(ConsoleException e) {
        return e.getMessage();
    }
}
