package dev.autouser.archfixture.core;

import dev.autouser.archfixture.ui.users.UsersPage;

/** Planted: core reaching up into a page. */
public final class UpwardCore {
    public UsersPage page() {
        return new UsersPage();
    }
}
