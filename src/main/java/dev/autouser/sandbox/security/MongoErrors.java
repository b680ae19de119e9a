package dev.autouser.sandbox.security;

import de.bwaldvogel.mongo.exception.MongoServerError;

/** The MongoDB error codes and names the security commands reply with. */
final class MongoErrors {

    private MongoErrors() {
    }

    static MongoServerError badValue(String message) {
        return new MongoServerError(2, "BadValue", message);
    }

    static MongoServerError failedToParse(String message) {
        return new MongoServerError(9, "FailedToParse", message);
    }

    static MongoServerError userNotFound(String message) {
        return new MongoServerError(11, "UserNotFound", message);
    }

    static MongoServerError unauthorized(String message) {
        return new MongoServerError(13, "Unauthorized", message);
    }

    static MongoServerError typeMismatch(String message) {
        return new MongoServerError(14, "TypeMismatch", message);
    }

    static MongoServerError illegalOperation(String message) {
        return new MongoServerError(20, "IllegalOperation", message);
    }

    static MongoServerError roleNotFound(String message) {
        return new MongoServerError(31, "RoleNotFound", message);
    }

    static MongoServerError invalidRoleModification(String message) {
        return new MongoServerError(49, "InvalidRoleModification", message);
    }

    static MongoServerError userAlreadyExists(UserId id) {
        return new MongoServerError(51003, "Location51003", "User \"" + id + "\" already exists");
    }

    static MongoServerError roleAlreadyExists(RoleId id) {
        return new MongoServerError(51002, "Location51002", "Role \"" + id + "\" already exists");
    }

    /** What MongoDB's strict command parser answers for a field the command does not define. */
    static MongoServerError unknownField(String command, String field) {
        return new MongoServerError(40415, "IDLUnknownField",
                "BSON field '" + command + "." + field + "' is an unknown field.");
    }

    static MongoServerError missingField(String command, String field) {
        return new MongoServerError(40414, "IDLFailedToParse",
                "BSON field '" + command + "." + field + "' is missing but a required field");
    }

    static MongoServerError wrongType(String command, String field, Object value, String expected) {
        return typeMismatch("BSON field '" + command + "." + field + "' is the wrong type '"
                + BsonText.typeName(value) + "', expected type" + expected);
    }
}
