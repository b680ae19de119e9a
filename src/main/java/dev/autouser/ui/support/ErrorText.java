package dev.autouser.ui.support;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns any failure into the single sentence a person reads; details go to the expandable part. */
public final class ErrorText {
    private ErrorText() {
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** The domain message when there is one, otherwise a sentence naming what failed. */
    public static String sentence(String whatFailed, Throwable failure) {
        Throwable cause = unwrap(failure);
        String message = cause.getMessage();
        if (isDomain(cause) && message != null && !message.isBlank()) {
            return message;
        }
        String detail = message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : firstLine(message);
        return whatFailed + ": " + detail + (detail.endsWith(".") ? "" : ".");
    }

    /** Class names and messages down the cause chain, never stack frames or secrets. */
    public static String details(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = unwrap(failure); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append("\ncaused by ");
            }
            text.append(t.getClass().getName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    private static boolean isDomain(Throwable cause) {
        // Domain exceptions (ConsoleException, PkiException) already carry a finished sentence.
        String name = cause.getClass().getName();
        return name.startsWith("dev.autouser.") || cause instanceof IllegalArgumentException;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
