package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import java.util.Locale;

/** How the console proves who it is to MongoDB. */
public enum AuthMechanism {
    /** MONGODB-X509: the client certificate's subject is the user in {@code $external}. */
    X509,
    /** SCRAM-SHA-256 / SCRAM-SHA-1 with a user name and a password that is never saved. */
    SCRAM,
    /** No credential (a server without access control, or credentials inside the URI). */
    NONE;

    /** Parses {@code x509}, {@code scram} or {@code none}, ignoring case. */
    public static AuthMechanism parse(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace("-", "").replace(".", "");
        return switch (value) {
            case "X509" -> X509;
            case "SCRAM", "SCRAMSHA256", "SCRAMSHA1" -> SCRAM;
            case "NONE" -> NONE;
            default -> throw new ConsoleException("Unknown authentication \"" + text
                    + "\": use x509, scram or none.");
        };
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
