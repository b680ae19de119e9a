package dev.autouser.core.teleport.adminsetup;

/**
 * One difference between the server and what Teleport needs. Problems make {@code --verify} fail;
 * notes are shown but do not.
 */
public record Finding(Kind kind, String message, String consequence) {
    public enum Kind {
        ROLE_MISSING, MISSING_ACTION, EXTRA_ACTION, EXTRA_INHERITED_ROLE, USER_MISSING, USER_LACKS_ROLE,
        WRONG_AUTH_DB, CANNOT_READ, NOTE;

        public boolean isProblem() {
            return this != NOTE;
        }
    }

    public boolean isProblem() {
        return kind.isProblem();
    }

    /** "missing createUser on $external: createUser fails, so ..." */
    public String line() {
        return consequence.isEmpty() ? message : message + ": " + consequence;
    }
}
