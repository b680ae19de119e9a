package dev.autouser.archfixture.ui.users;

import dev.autouser.archfixture.ui.audit.AuditPage;

/** Planted: a page composing another page. */
public final class UsersPage {
    public AuditPage audit() {
        return new AuditPage();
    }
}
