package dev.autouser.core.it;

import dev.autouser.testsupport.MongoTarget;

class ListingSandboxTest extends ListingContract {
    @Override
    MongoTarget target() {
        return MongoTarget.sandbox();
    }
}
