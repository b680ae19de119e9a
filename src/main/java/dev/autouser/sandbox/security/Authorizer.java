package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;

/** Checks a command against the privileges of the connection's authenticated users. */
public final class Authorizer {

    private final SecurityState state;

    public Authorizer(SecurityState state) {
        this.state = state;
    }

    /** Throws MongoServerError 13 Unauthorized when the users lack a required privilege. */
    public void check(List<UserId> authenticated, String db, String commandName, Document command) {
        throw new MongoServerError(13, "Unauthorized", "not authorized on " + db + " to execute command");
    }
}
