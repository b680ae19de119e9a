package dev.autouser.core.postgres;

import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.audit.AuditUnwritableException;
import dev.autouser.core.ConnectionLostException;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.OwnedObjects;
import dev.autouser.core.provisioning.PlannedAction;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.UserResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a PostgreSQL plan user by user: {@code NOLOGIN} (refused on the server if the user left the
 * group or is connected), then the check for a session that authenticated before it and the revocation
 * of the direct roles (refused if there is one: the login is given back), then for a drop
 * {@code DROP ROLE} (or the reassignment the DBA chose) with the same checks. Every statement is
 * audited (intent before, outcome after). A lost connection, an unwritable audit log or the person's
 * request (asked between two users, {@link ProgressListener#stopRequested()}) stops the run; every user
 * not reached is "not attempted".
 */
final class PostgresCleanupExecutor {
    /** Why the users after a stop request were not attempted (the run stops between two users). */
    static final String STOPPED_BY_THE_PERSON = "the person asked to stop";
    private final PostgresGateway gateway;
    private final AuditTrail audit;
    private final ProgressListener listener;
    private final Optional<String> newOwner;
    private final Runnable afterDisableLogin;
    private final List<UserResult> results = new ArrayList<>();
    private int total;
    private CleanupAction planAction;

    /**
     * {@code afterDisableLogin} runs between the NOLOGIN and the session check: where a session that
     * authenticated just before the NOLOGIN shows up. Tests use it to put one there.
     */
    PostgresCleanupExecutor(PostgresGateway gateway, AuditTrail audit, ProgressListener listener, Optional<String> newOwner,
                            Runnable afterDisableLogin) {
        this.afterDisableLogin = afterDisableLogin;
        this.gateway = gateway;
        this.audit = audit;
        this.listener = listener;
        this.newOwner = newOwner;
    }

    CleanupReport execute(CleanupPlan plan) {
        this.planAction = plan.action();
        long started = System.nanoTime();
        total = plan.actions().size() + plan.refused().size();
        for (CleanupPlan.Refusal refusal : plan.refused()) {
            report(UserResult.skipped(refusal.mongoName(), plan.action(), "refused: " + refusal.reason()));
        }
        String stopped = "";
        try {
            for (PlannedAction action : plan.actions()) {
                if (listener.stopRequested()) {
                    stopped = STOPPED_BY_THE_PERSON;
                    notAttempted(plan, stopped);
                    break;
                }
                run(action);
            }
        } catch (ConnectionLostException | AuditUnwritableException e) {
            stopped = e instanceof ConnectionLostException ? "the connection to the server was lost (" + e.getMessage() + ")"
                    : e.getMessage();
            notAttempted(plan, stopped);
        }
        return new CleanupReport(results, Duration.ofNanos(System.nanoTime() - started), stopped);
    }

    private void run(PlannedAction planned) {
        String name = planned.mongoName();
        CleanupAction action = planned.action();
        String db = gateway.facts().database();
        boolean hadLogin = !planned.before().locked();
        try {
            send(AutoUserSql.disableLogin(db, name), name);
        } catch (PostgresException e) {
            report(refusedBeforeChange(name, action, e));
            return;
        } catch (ConnectionLostException e) {
            report(UserResult.failed(name, action, lost("locking", e)));
            throw e;
        }
        afterDisableLogin.run();
        try {
            send(AutoUserSql.revokeRoles(db, name, gateway.facts().adminOptionRules()), name);
        } catch (PostgresException e) {
            if (e.hasState(PostgresErrors.HAS_SESSION)) {
                undo(name, action, hadLogin);
            } else {
                report(UserResult.failed(name, action, "set NOLOGIN, but its roles were not revoked: " + e.getMessage()));
            }
            return;
        } catch (ConnectionLostException e) {
            report(UserResult.failed(name, action, "set NOLOGIN; " + lost("revoking its roles", e)));
            throw e;
        }
        if (action == CleanupAction.LOCK) {
            report(UserResult.done(name, action, keptOwner(planned)
                    ? PostgresUserActions.STAYS_LOCKED + ": locked (NOLOGIN, roles revoked), verified without session, "
                    + PostgresUserActions.OWNER_NOT_DROPPED + " (" + PostgresUserActions.ownedHere(planned.before()) + ")"
                    : "locked (NOLOGIN, roles revoked), verified without session"));
            return;
        }
        drop(planned, db);
    }

    /** A lock in a drop plan: an owner kept locked because no role takes its objects. */
    private boolean keptOwner(PlannedAction planned) {
        return planAction == CleanupAction.DROP && planned.action() == CleanupAction.LOCK;
    }

    /**
     * Whether a drop hands the user's objects to the new owner first: exactly when the plan's SQL does (the
     * plan gives it only to users it found owning objects or holding privileges, {@link PostgresUserActions});
     * any other is dropped plainly, so nothing is reassigned in its name.
     */
    private boolean handsOver(PlannedAction planned, String db) {
        if (newOwner.isEmpty()) {
            return false;
        }
        String reassign = AutoUserSql.reassignAndDrop(db, planned.mongoName(), newOwner.get()).shellText();
        return planned.commands().stream().anyMatch(c -> c.equals(reassign) || c.endsWith("\n" + reassign));
    }

    private void drop(PlannedAction planned, String db) {
        AutoUser user = planned.before();
        String name = planned.mongoName();
        boolean reassign = handsOver(planned, db);
        if (reassign) {
            Optional<String> stopped;
            try {
                stopped = reassignInOtherDatabases(name);
            } catch (ConnectionLostException e) {
                report(UserResult.failed(name, CleanupAction.DROP, "locked; " + lost("finding the databases where it owns objects", e)));
                throw e;
            }
            if (stopped.isPresent()) {
                report(UserResult.failed(name, CleanupAction.DROP, stopped.get()));
                return;
            }
        }
        SqlCommand command = reassign ? AutoUserSql.reassignAndDrop(db, name, newOwner.get())
                : AutoUserSql.dropRole(db, name);
        try {
            send(command, name);
            report(UserResult.done(name, CleanupAction.DROP, dropped(user, reassign)));
        } catch (PostgresException e) {
            if (e.hasState(PostgresErrors.DEPENDENT_OBJECTS)) {
                report(UserResult.skipped(name, CleanupAction.DROP, ownsObjects(e, reassign)));
            } else {
                report(UserResult.failed(name, CleanupAction.DROP, "locked, but the drop failed: " + e.getMessage()));
            }
        } catch (ConnectionLostException e) {
            report(UserResult.failed(name, CleanupAction.DROP, "locked; " + lost("dropping", e)));
            throw e;
        }
    }

    /**
     * REASSIGN OWNED and DROP OWNED in every other database where the role owns objects or holds
     * privileges, each over its own connection with the same credentials and audited there; the role
     * stays locked throughout. Empty when every one is done; otherwise why the drop stops, naming the
     * database (the role stays locked and is not dropped).
     */
    private Optional<String> reassignInOtherDatabases(String name) {
        List<String> databases = gateway.query(AutoUserSql.otherDatabasesOf(name), "find the databases where " + name
                + " owns objects", rows -> {
                    List<String> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                    return found;
                });
        for (String database : databases) {
            PostgresGateway there;
            try {
                there = gateway.openDatabase(database);
            } catch (ConsoleException e) {
                return Optional.of("locked, not dropped: it owns objects in database " + database + ", and the console"
                        + " cannot connect there to reassign them (" + e.getMessage() + ")");
            }
            try (there) {
                SqlCommand command = AutoUserSql.reassignOwned(database, name, newOwner.get());
                new AuditTrail(audit.log(), there.server(), there.identity()).change(command, name, () -> {
                    there.execute(command);
                    return command;
                }, done -> "ok");
            } catch (ConnectionLostException e) {
                return Optional.of("locked, not dropped; " + lost("reassigning its objects in database " + database, e));
            } catch (PostgresException e) {
                return Optional.of("locked, not dropped: reassigning its objects in database " + database + " failed: "
                        + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Teleport's TP004: the user owns objects, so it stays deactivated; the server's DETAIL says what it owns.
     * How to reassign them is the caller's to say (the CLI's option, the GUI's choice), so none is named here.
     */
    private String ownsObjects(PostgresException e, boolean reassigned) {
        String detail = e.detail().map(d -> d.replace('\n', ';').replace("\r", "")).orElse("(no detail)");
        if (newOwner.isPresent() && !reassigned) {
            return "not dropped; it stays locked: the plan found it owning no objects and holding no privileges, so nothing"
                    + " was reassigned, but"
                    + " PostgreSQL refused the drop (2BP01): " + detail + ". Plan again to hand them to " + newOwner.get();
        }
        return reassigned
                ? "not dropped, nothing reassigned here (the transaction was rolled back); it stays locked: objects remain"
                + " that were not reassigned (the other databases' were reassigned first; these appeared since): " + detail
                : "owns objects, so PostgreSQL refused the drop (2BP01); it stays locked, as Teleport does (TP004): "
                + detail + ". To drop it, reassign its objects to another role first";
    }

    /** The outcome first, then what was done on the way: "dropped; objects reassigned to dba (3 in appdb); …". */
    private String dropped(AutoUser user, boolean reassigned) {
        String checks = "locked and verified without session first";
        if (reassigned && user.ownedObjects().isEmpty()) {
            return "dropped; it owned no objects; the privileges granted to it were revoked first (DROP OWNED); " + checks;
        }
        if (reassigned) {
            return "dropped; objects reassigned to " + newOwner.get() + " (the plan found "
                    + PostgresUserActions.ownedHere(user)
                    + "); " + checks;
        }
        return newOwner.isPresent() ? "dropped; it owned no objects, so nothing was reassigned; " + checks
                : "dropped; " + checks;
    }

    private UserResult refusedBeforeChange(String name, CleanupAction action, PostgresException e) {
        if (e.hasState(PostgresErrors.NOT_IN_GROUP)) {
            return UserResult.skipped(name, action, "no longer an auto-user (a plain member of " + AutoUserSql.GROUP + ") or gone: not touched");
        }
        if (e.hasState(PostgresErrors.HAS_SESSION)) {
            return UserResult.skipped(name, action, "connected since the plan: not touched");
        }
        return UserResult.failed(name, action, "lock failed: " + e.getMessage());
    }

    /** A session authenticated just before the NOLOGIN: give the login back (if it had one) and leave it. */
    private void undo(String name, CleanupAction action, boolean hadLogin) {
        String notDone = action == CleanupAction.DROP ? "not dropped" : "not locked";
        if (!hadLogin) {
            report(UserResult.skipped(name, action, "connected while being locked; " + notDone + ", roles kept (it was NOLOGIN before)"));
            return;
        }
        try {
            send(AutoUserSql.enableLogin(gateway.facts().database(), name), name);
            report(UserResult.skipped(name, action, "connected while being locked; " + notDone + ", roles kept, lock undone"));
        } catch (ConnectionLostException e) {
            report(UserResult.failed(name, action, "connected while being locked; " + lost("undoing its lock", e)));
            throw e;
        } catch (ConsoleException e) {
            report(UserResult.failed(name, action, "connected while being locked; " + notDone + ", but it stays NOLOGIN: "
                    + e.getMessage()));
        }
    }

    /** Sends one statement about {@code user}, with its intent and outcome records. */
    private void send(SqlCommand command, String user) {
        audit.change(command, user, () -> {
            gateway.execute(command);
            return command;
        }, done -> "ok");
    }

    private static String lost(String doing, ConnectionLostException e) {
        return e.maybeApplied()
                ? "lost the connection while " + doing + ": the server may or may not have done it (audit: \"sent, outcome unknown\")"
                : "lost the connection before " + doing + ": nothing was sent";
    }

    private void notAttempted(CleanupPlan plan, String reason) {
        Set<String> reported = new HashSet<>();
        results.forEach(r -> reported.add(r.mongoName()));
        for (PlannedAction action : plan.actions()) {
            if (!reported.contains(action.mongoName())) {
                report(UserResult.failed(action.mongoName(), plan.action(), "not attempted: " + reason));
            }
        }
    }

    private void report(UserResult result) {
        results.add(result);
        listener.onResult(result, results.size(), total);
    }
}
