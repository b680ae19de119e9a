package dev.autouser.core.engine.mongo;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.engine.UserActions;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupCriteria;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.UserCleanup;

import java.util.List;
import java.util.Map;

/** {@link UserActions} as MongoDB's {@link UserCleanup} does them (lock = restrictions + no roles). */
public final class MongoUserActions implements UserActions {
    private final UserCleanup cleanup;

    MongoUserActions(MongoGateway gateway, AuditLog audit) {
        this(new UserCleanup(gateway, audit));
    }

    /** The actions of a cleanup set up by its caller (e.g. with hosts allowed unverified). */
    public MongoUserActions(UserCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @Override
    public AutoUserListing listForPlan() {
        return cleanup.listForPlan();
    }

    @Override
    public CleanupPlan planOf(CleanupAction action, AutoUserListing listing, Map<String, String> reasons) {
        return cleanup.planOf(action, listing, reasons);
    }

    @Override
    public UserActions recordingListingsWith(java.util.function.UnaryOperator<AutoUserListing> recorder) {
        cleanup.recordingListingsWith(recorder);
        return this;
    }

    @Override
    public CleanupPlan plan(CleanupCriteria criteria) {
        return cleanup.plan(criteria);
    }

    @Override
    public CleanupPlan planFor(CleanupAction action, List<String> users) {
        return cleanup.planFor(action, users);
    }

    @Override
    public CleanupReport execute(CleanupPlan plan, ProgressListener listener) {
        return cleanup.execute(plan, listener);
    }

    @Override
    public void recordDryRun(CleanupPlan plan) {
        cleanup.recordDryRun(plan);
    }
}
