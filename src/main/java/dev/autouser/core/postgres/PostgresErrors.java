package dev.autouser.core.postgres;

import dev.autouser.core.ConnectionLostException;
import dev.autouser.core.ConsoleException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/** Turns JDBC failures into one sentence a DBA can act on, keeping SQLSTATE and DETAIL. */
public final class PostgresErrors {
    /** The console's own refusals, raised by its statements on the server (class AU: not PostgreSQL's). */
    static final String NOT_IN_GROUP = "AU001";
    static final String HAS_SESSION = "AU002";
    static final String DEPENDENT_OBJECTS = "2BP01";
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private PostgresErrors() {
    }

    static ConsoleException connectFailed(SQLException e, String server, String user) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        Throwable tls = tlsCause(e);
        if (tls != null) {
            String why = tls.getMessage() == null ? tls.toString() : tls.getMessage();
            if (why.contains("PKIX") || why.contains("unable to find valid certification path")) {
                return new ConsoleException("The server certificate of " + server + " is not signed by a trusted CA:"
                        + " give the CA file (--tls-ca, or sslrootcert= in the URI).", e);
            }
            if (why.contains("certificate_unknown") || why.contains("bad_certificate") || why.contains("unknown_ca")) {
                return new ConsoleException("The server " + server + " rejected the client certificate (" + why + ").", e);
            }
            return new ConsoleException("TLS with " + server + " failed: " + why, e);
        }
        if (message.contains("could not be verified by hostnameverifier") || message.contains("hostname")) {
            return new ConsoleException("The server certificate of " + server + " does not name that host (sslmode=verify-full"
                    + " checks it): connect by the name in the certificate.", e);
        }
        if (state.equals("28000") || state.equals("28P01")) {
            return new PostgresException("PostgreSQL at " + server + " refused to log in " + user + ": " + firstLine(message)
                    + " (check pg_hba.conf, the certificate's CN and the password).", state, detail(e), e);
        }
        if (state.equals("3D000")) {
            return new PostgresException("PostgreSQL at " + server + ": " + firstLine(message) + ".", state, detail(e), e);
        }
        if (state.startsWith("08")) {
            return new ConsoleException("Cannot reach PostgreSQL at " + server + ": " + firstLine(message)
                    + " (check the address, the port and any firewall).", e);
        }
        return new PostgresException("Cannot connect to PostgreSQL at " + server + ": " + firstLine(message), state, detail(e), e);
    }

    /** A statement failed: refused by the server (SQLSTATE), or the connection broke. */
    public static ConsoleException statementFailed(SQLException e, String attempted, boolean sent) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")) {
            return new ConnectionLostException("The connection to PostgreSQL was lost while trying to " + attempted
                    + ": " + firstLine(e.getMessage()), sent, e);
        }
        String message = serverMessage(e);
        if (state.equals(INSUFFICIENT_PRIVILEGE)) {
            message = "not allowed: " + message;
        }
        return new PostgresException("Cannot " + attempted + ": " + message + " (SQLSTATE " + state + ")", state, detail(e), e);
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return firstLine(e.getMessage());
    }

    private static String detail(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getDetail() != null) {
                return server.getDetail();
            }
        }
        return "";
    }

    private static Throwable tlsCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return t;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
