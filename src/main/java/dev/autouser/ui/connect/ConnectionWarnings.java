package dev.autouser.ui.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warnings the connect form shows before anything is sent: platforms without Teleport
 * auto-provisioning and TLS verification turned off. The server's own answer (ServerFacts)
 * confirms the platform after connecting.
 */
public final class ConnectionWarnings {
    public static final String ATLAS = "This looks like MongoDB Atlas: Atlas manages database users per project, "
            + "so Teleport automatic user provisioning does not apply and the console can only read.";
    public static final String DOCUMENTDB = "This looks like Amazon DocumentDB: it uses IAM users (MONGODB-AWS) "
            + "and has no Teleport automatic user provisioning.";
    public static final String TLS_OFF = "TLS certificate verification is off: the console cannot tell "
            + "whether it is talking to the real server.";
    public static final String NO_TLS = "The connection is not encrypted: Teleport auto-users authenticate "
            + "with X.509 and need TLS.";

    private ConnectionWarnings() {
    }

    public static List<String> forForm(String uri, boolean tlsAllowInvalid) {
        List<String> warnings = new ArrayList<>();
        String lower = uri == null ? "" : uri.toLowerCase(Locale.ROOT);
        if (lower.contains(".mongodb.net")) {
            warnings.add(ATLAS);
        }
        if (lower.contains(".docdb.amazonaws.com") || lower.contains("docdb-elastic.amazonaws.com")) {
            warnings.add(DOCUMENTDB);
        }
        if (tlsAllowInvalid || lower.contains("tlsallowinvalidcertificates=true")
                || lower.contains("tlsinsecure=true") || lower.contains("sslallowinvalidcertificates=true")) {
            warnings.add(TLS_OFF);
        }
        return warnings;
    }
}
