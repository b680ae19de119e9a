package dev.autouser.core.history;

/** The history could not be read or written; the message is SQLite's, for the one warning shown. */
public final class HistoryException extends RuntimeException {
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
