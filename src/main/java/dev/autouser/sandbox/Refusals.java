package dev.autouser.sandbox;

import de.bwaldvogel.mongo.exception.MongoServerError;

/** The errors this server raises itself, with MongoDB's codes, code names and message shapes. */
final class Refusals {
    static final int BSON_OBJECT_MAX_INTERNAL_SIZE = 16 * 1024 * 1024 + 16 * 1024;

    private Refusals() {
    }

    /** MongoDB deliberately tells the client nothing more than this on any failed login. */
    static MongoServerError authenticationFailed() {
        return new MongoServerError(18, "AuthenticationFailed", "Authentication failed.");
    }

    /** MongoDB looks the command up before authentication and authorization, so anyone gets this. */
    static MongoServerError commandNotFound(String command) {
        return new MongoServerError(59, "CommandNotFound", "no such command: '" + command + "'");
    }

    static MongoServerError requiresAuthentication(String command) {
        return new MongoServerError(13, "Unauthorized", "Command " + command + " requires authentication");
    }

    static MongoServerError notAuthorized(String db, String command) {
        return new MongoServerError(13, "Unauthorized",
                "not authorized on " + db + " to execute command { " + command + ": ... }");
    }

    static MongoServerError badValue(String message) {
        return new MongoServerError(2, "BadValue", message);
    }

    static MongoServerError mechanismUnavailable(String mechanism) {
        return new MongoServerError(334, "MechanismUnavailable",
                "Received authentication for mechanism " + mechanism + " which is not enabled");
    }

    static MongoServerError protocolError(String message) {
        return new MongoServerError(17, "ProtocolError", message);
    }

    static MongoServerError noSuchConversation(int id) {
        return new MongoServerError(17, "ProtocolError", "No SASL session state found for conversation " + id);
    }

    static MongoServerError objectTooLarge(long size, String firstElement) {
        return new MongoServerError(10334, "BSONObjectTooLarge", "BSONObj size: " + size
                + " (0x" + Long.toHexString(size).toUpperCase() + ") is invalid. Size must be between 0 and "
                + BSON_OBJECT_MAX_INTERNAL_SIZE + "(16MB) First element: " + firstElement);
    }

    static MongoServerError invalidNamespace(String message) {
        return new MongoServerError(73, "InvalidNamespace", message);
    }
}
