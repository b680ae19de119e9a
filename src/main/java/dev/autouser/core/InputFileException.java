package dev.autouser.core;

/** A file the person named cannot be used; the message is one sentence naming file and problem. */
public final class InputFileException extends RuntimeException {
    public InputFileException(String message) {
        super(message);
    }
}
