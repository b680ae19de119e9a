package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * Every error the sandbox server raises itself, with MongoDB's codes, code names and message
 * shapes (errors of ordinary reads and writes come from the library). Not to be confused with
 * {@code dev.autouser.core.mongo.MongoErrors}, which turns driver errors into sentences.
 */
public final class ServerErrors {
    public static final int BSON_OBJECT_MAX_INTERNAL_SIZE = 16 * 1024 * 1024 + 16 * 1024;

    private ServerErrors() {
    }

    public static MongoServerError badValue(String message) {
        return new MongoServerError(2, "BadValue", message);
    }

    public static MongoServerError failedToParse(String message) {
        return new MongoServerError(9, "FailedToParse", message);
    }

    public static MongoServerError userNotFound(String message) {
        return new MongoServerError(11, "UserNotFound", message);
    }

    public static MongoServerError unauthorized(String message) {
        return new MongoServerError(13, "Unauthorized", message);
    }

    public static MongoServerError typeMismatch(String message) {
        return new MongoServerError(14, "TypeMismatch", message);
    }

    public static MongoServerError illegalOperation(String message) {
        return new MongoServerError(20, "IllegalOperation", message);
    }

    public static MongoServerError roleNotFound(String message) {
        return new MongoServerError(31, "RoleNotFound", message);
    }

    public static MongoServerError invalidRoleModification(String message) {
        return new MongoServerError(49, "InvalidRoleModification", message);
    }

    public static MongoServerError userAlreadyExists(UserId id) {
        return new MongoServerError(51003, "Location51003", "User \"" + id + "\" already exists");
    }

    public static MongoServerError roleAlreadyExists(RoleId id) {
        return new MongoServerError(51002, "Location51002", "Role \"" + id + "\" already exists");
    }

    /** What MongoDB's strict command parser answers for a field the command does not define. */
    public static MongoServerError unknownField(String command, String field) {
        return new MongoServerError(40415, "IDLUnknownField",
                "BSON field '" + command + "." + field + "' is an unknown field.");
    }

    public static MongoServerError missingField(String command, String field) {
        return new MongoServerError(40414, "IDLFailedToParse",
                "BSON field '" + command + "." + field + "' is missing but a required field");
    }

    public static MongoServerError wrongType(String command, String field, Object value, String expected) {
        return typeMismatch("BSON field '" + command + "." + field + "' is the wrong type '"
                + BsonText.typeName(value) + "', expected type" + expected);
    }

    /** MongoDB deliberately tells the client nothing more than this on any failed login. */
    public static MongoServerError authenticationFailed() {
        return new MongoServerError(18, "AuthenticationFailed", "Authentication failed.");
    }

    /** MongoDB looks the command up before authentication and authorization, so anyone gets this. */
    public static MongoServerError commandNotFound(String command) {
        return new MongoServerError(59, "CommandNotFound", "no such command: '" + command + "'");
    }

    public static MongoServerError notAuthorized(String db, String command) {
        return unauthorized("not authorized on " + db + " to execute command { " + command + ": ... }");
    }

    public static MongoServerError mechanismUnavailable(String mechanism) {
        return new MongoServerError(334, "MechanismUnavailable",
                "Received authentication for mechanism " + mechanism + " which is not enabled");
    }

    public static MongoServerError protocolError(String message) {
        return new MongoServerError(17, "ProtocolError", message);
    }

    public static MongoServerError noSuchConversation(int id) {
        return new MongoServerError(17, "ProtocolError", "No SASL session state found for conversation " + id);
    }

    public static MongoServerError objectTooLarge(long size, String firstElement) {
        return new MongoServerError(10334, "BSONObjectTooLarge", "BSONObj size: " + size
                + " (0x" + Long.toHexString(size).toUpperCase() + ") is invalid. Size must be between 0 and "
                + BSON_OBJECT_MAX_INTERNAL_SIZE + "(16MB) First element: " + firstElement);
    }

    public static MongoServerError invalidNamespace(String message) {
        return new MongoServerError(73, "InvalidNamespace", message);
    }

    /** What MongoDB answers any command but the handshake and authentication before a login. */
    public static MongoServerError requiresAuthentication(String command) {
        return unauthorized("Command " + command + " requires authentication");
    }
}
