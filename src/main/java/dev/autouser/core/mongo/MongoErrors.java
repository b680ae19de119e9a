package dev.autouser.core.mongo;

import dev.autouser.core.ConnectionLostException;
import dev.autouser.core.ConsoleException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import dev.autouser.core.pki.PkiException;

import java.util.Locale;

/**
 * The one place where driver and PKI failures become a {@link ConsoleException} with one plain
 * sentence. Callers say what they were attempting ("list auto-users") and which command ran, so the
 * sentence can name the missing privilege.
 */
public final class MongoErrors {
    public static final int USER_NOT_FOUND = 11;
    public static final int UNAUTHORIZED = 13;
    public static final int AUTHENTICATION_FAILED = 18;
    public static final int ILLEGAL_OPERATION = 20;
    public static final int ROLE_NOT_FOUND = 31;
    public static final int BSON_OBJECT_TOO_LARGE = 10334;
    public static final int ROLE_ALREADY_EXISTS = 51002;
    public static final int USER_ALREADY_EXISTS = 51003;

    private MongoErrors() {
    }

    /** Code 13: the identity lacks a privilege. */
    public static boolean isUnauthorized(ConsoleException e) {
        return e.hasServerCode(UNAUTHORIZED);
    }

    /** The user or role to create exists already (51003, 51002). */
    public static boolean isAlreadyExists(ConsoleException e) {
        return e.hasServerCode(USER_ALREADY_EXISTS) || e.hasServerCode(ROLE_ALREADY_EXISTS);
    }

    /**
     * @param failure   what the driver (or PKI reader) threw
     * @param server    the hosts, for "cannot reach ..." sentences
     * @param identity  who we are (or try to be), for authentication sentences
     * @param command   the command name that ran, e.g. {@code dropUser} (may be empty)
     * @param db        the database it ran on (may be empty)
     * @param attempted what the person asked for, as a verb phrase: "drop CN=alice"
     */
    public static ConsoleException translate(RuntimeException failure, String server, String identity,
                                             String command, String db, String attempted) {
        return translate(failure, server, identity, command, db,
                RequiredPrivileges.of(command, db, java.util.List.of()), attempted);
    }

    /** Like the others, with the privileges the command needs (a {@link MongoCommand} knows them). */
    public static ConsoleException translate(RuntimeException failure, String server, String identity,
                                             String command, String db, java.util.List<Privilege> required,
                                             String attempted) {
        if (failure instanceof ConsoleException console) {
            return console;
        }
        if (failure instanceof PkiException pki) {
            return new ConsoleException(pki.getMessage(), pki);
        }
        if (failure instanceof MongoSecurityException security) {
            return authenticationFailed(security, identity);
        }
        if (failure instanceof MongoCommandException refused) {
            return commandRefused(refused, identity, command, db, required, attempted);
        }
        if (failure instanceof MongoTimeoutException timeout) {
            return unreachable(timeout, server);
        }
        if (failure instanceof MongoSocketOpenException notOpened) {
            return new ConnectionLostException("Lost the connection to " + server + ": it could not be reopened to "
                    + attempted + " (" + firstLine(String.valueOf(notOpened.getMessage())) + "); nothing was sent.",
                    false, notOpened);
        }
        if (failure instanceof MongoSocketException socket) {
            return new ConnectionLostException("Lost the connection to " + server + " while trying to " + attempted
                    + " (" + socketReason(socket) + "); the server may or may not have applied it, so refresh"
                    + " before retrying.", true, socket);
        }
        if (failure instanceof IllegalStateException closed && String.valueOf(closed.getMessage()).contains("open")) {
            return new ConsoleException("The connection to " + server + " is closed; connect again to " + attempted
                    + ".", closed);
        }
        if (failure instanceof MongoException mongo) {
            return new ConsoleException("MongoDB could not " + attempted + ": " + firstLine(mongo.getMessage()),
                    mongo.getCode() == -1 ? null : mongo.getCode(), mongo);
        }
        return new ConsoleException("Could not " + attempted + ": " + firstLine(String.valueOf(failure.getMessage())),
                failure);
    }

    private static ConsoleException authenticationFailed(MongoSecurityException security, String identity) {
        Throwable cause = security.getCause();
        if (cause instanceof MongoCommandException refused && refused.getErrorCode() != AUTHENTICATION_FAILED) {
            return new ConsoleException("Authentication as " + identity + " was refused: "
                    + refused.getErrorMessage(), refused.getErrorCode(), security);
        }
        return new ConsoleException("Authentication failed as " + identity
                + ": the server has no such user, or the password or certificate does not match it.",
                AUTHENTICATION_FAILED, security);
    }

    private static ConsoleException commandRefused(MongoCommandException refused, String identity, String command,
                                                   String db, java.util.List<Privilege> required, String attempted) {
        int code = refused.getErrorCode();
        String serverText = refused.getErrorMessage();
        String message = switch (code) {
            case UNAUTHORIZED -> "Not allowed to " + attempted + ": " + identity + " lacks "
                    + RequiredPrivileges.describe(required, command, db) + serverDetail(serverText) + ".";
            case AUTHENTICATION_FAILED -> "Authentication failed as " + identity + ".";
            case USER_NOT_FOUND -> "Could not " + attempted + ": the user does not exist (" + serverText + ").";
            case ROLE_NOT_FOUND -> "Could not " + attempted + ": a role does not exist (" + serverText + ").";
            case USER_ALREADY_EXISTS -> "Could not " + attempted + ": the user already exists.";
            case ROLE_ALREADY_EXISTS -> "Could not " + attempted + ": the role already exists.";
            case BSON_OBJECT_TOO_LARGE -> "Could not " + attempted + ": the server's reply would exceed 16 MB.";
            default -> "MongoDB refused to " + attempted + ": " + serverText + " (code " + code + ").";
        };
        return new ConsoleException(message, code, refused);
    }

    /** MongoDB's specific refusals ("Not authorized to grant role: read@db1") are worth repeating. */
    private static String serverDetail(String serverText) {
        String lower = serverText.toLowerCase(Locale.ROOT);
        boolean generic = lower.startsWith("not authorized on ") || lower.contains("requires authentication")
                || serverText.isBlank();
        return generic ? "" : " (the server says: " + serverText + ")";
    }

    private static ConsoleException unreachable(MongoTimeoutException timeout, String server) {
        String detail = String.valueOf(timeout.getMessage());
        String lower = detail.toLowerCase(Locale.ROOT);
        String message;
        if (lower.contains("pkix") || lower.contains("unable to find valid certification path")) {
            message = "TLS failed with " + server + ": the server's certificate is not signed by the chosen CA.";
        } else if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            message = "TLS failed with " + server + ": the server's certificate does not name this host.";
        } else if (lower.contains("bad_certificate") || lower.contains("certificate_required")
                || lower.contains("certificate_unknown") || lower.contains("unknown_ca")) {
            message = clientCertificateRejectedText(server) + ".";
        } else if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
            message = "TLS failed with " + server + ": the server does not speak TLS; remove tls=true and the CA file.";
        } else if (lower.contains("sslhandshakeexception") || lower.contains("sslexception")) {
            message = "TLS failed with " + server + ": " + sslReason(detail);
        } else if (lower.contains("connection refused")) {
            message = "Cannot reach " + server + ": the connection was refused (is mongod running on that port?).";
        } else if (lower.contains("unknownhostexception")) {
            message = "Cannot reach " + server + ": the host name is unknown.";
        } else if (lower.contains("prematurely reached end of stream")) {
            message = "Cannot reach " + server + ": the server closed the connection (it may require TLS"
                    + " and a client certificate).";
        } else {
            message = "Cannot reach " + server + " within the time limit: check the address, the port and any firewall.";
        }
        return new ConnectionLostException(message, false, timeout);
    }

    private static String socketReason(MongoSocketException socket) {
        if (socket instanceof MongoSocketReadTimeoutException) {
            return "no reply within the time limit";
        }
        Throwable cause = socket.getCause();
        String text = cause != null && cause.getMessage() != null ? cause.getMessage() : socket.getMessage();
        return firstLine(String.valueOf(text));
    }

    /** The server refused the client certificate (found by {@link TlsRejectionProbe} when the alert was lost). */
    static ConsoleException clientCertificateRejected(String server, String alert, RuntimeException failure) {
        return new ConsoleException(clientCertificateRejectedText(server) + "; TLS alert " + alert + ".", failure);
    }

    private static String clientCertificateRejectedText(String server) {
        return "TLS failed with " + server + ": the server rejected the client certificate"
                + " (it is missing, expired or not signed by a CA the server trusts)";
    }

    private static String sslReason(String detail) {
        int at = detail.indexOf("SSLHandshakeException: ");
        String reason = at < 0 ? "the handshake failed." : detail.substring(at + "SSLHandshakeException: ".length());
        int end = reason.indexOf('}');
        return (end < 0 ? reason : reason.substring(0, end)).trim();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
