package dev.autouser.core.policy;

import dev.autouser.core.ConsoleException;

/** A policy file that cannot be used, said in one sentence that names the line and the field. */
public final class PolicyFileException extends ConsoleException {
    public PolicyFileException(String message) {
        super(message);
    }
}
