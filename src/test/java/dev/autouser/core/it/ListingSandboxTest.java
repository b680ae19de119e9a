package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;

class ListingSandboxTest extends ListingContract {
    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
