package dev.autouser.testsupport;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import org.bson.Document;

/**
 * Dropping what a test created on a shared server. A user or role that is already gone (the test
 * never got as far as creating it, or dropped it itself) is fine; any other error is not.
 */
public final class ServerCleanup {
    private static final int USER_NOT_FOUND = 11;
    private static final int ROLE_NOT_FOUND = 31;

    private ServerCleanup() {
    }

    /** Drops {@code user} (e.g. {@code CN=alice}) from {@code $external}, if it is there. */
    public static void dropUser(MongoClient dba, String user) {
        ignoreMissing(() -> dba.getDatabase("$external").runCommand(new Document("dropUser", user)));
    }

    /** Drops {@code role} from database {@code db}, if it is there. */
    public static void dropRole(MongoClient dba, String db, String role) {
        ignoreMissing(() -> dba.getDatabase(db).runCommand(new Document("dropRole", role)));
    }

    private static void ignoreMissing(Runnable drop) {
        try {
            drop.run();
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != USER_NOT_FOUND && e.getErrorCode() != ROLE_NOT_FOUND) {
                throw e;
            }
        }
    }
}
