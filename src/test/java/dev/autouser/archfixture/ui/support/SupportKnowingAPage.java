package dev.autouser.archfixture.ui.support;

import dev.autouser.archfixture.ui.audit.AuditPage;

/** Planted: shared UI support that knows a page. */
public final class SupportKnowingAPage {
    public AuditPage audit() {
        return new AuditPage();
    }
}
