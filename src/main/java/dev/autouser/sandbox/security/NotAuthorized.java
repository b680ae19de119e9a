package dev.autouser.sandbox.security;

/**
 * A missing privilege found while checking a command. MongoDB logs the specific reason and tells
 * the client only "not authorized on db to execute command {...}"; {@link Authorizer} does the same.
 */
final class NotAuthorized extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotAuthorized(String reason) {
        super(reason, null, false, false);
    }
}
