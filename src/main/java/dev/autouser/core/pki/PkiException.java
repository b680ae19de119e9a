package dev.autouser.core.pki;

/** A certificate or key problem, phrased for the person who chose the file. */
public final class PkiException extends RuntimeException {
    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
