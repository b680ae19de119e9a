package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import com.mongodb.MongoTimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a rejected client certificate from a network problem, deterministically. With TLS 1.3 the
 * client's side of the handshake completes before the server has checked the client certificate;
 * the server then sends an alert ({@code certificate_unknown}, {@code bad_certificate}...) and
 * closes. The driver writes its {@code hello} at once, so it either reads that alert or, when the
 * server closed first, gets "Broken pipe" or "Connection reset" on its write — a race that made the
 * console say "check the address, the port and any firewall" for some attempts. This probe
 * completes a handshake with the same TLS settings and then only reads: nothing unread is left on
 * the server, so the alert always arrives.
 */
final class TlsRejectionProbe {
    private static final String[] CERTIFICATE_ALERTS = {"certificate_unknown", "bad_certificate", "unknown_ca",
            "certificate_required", "certificate_expired", "certificate_revoked", "unsupported_certificate",
            "access_denied"};
    private static final String[] BROKEN_CONNECTION = {"broken pipe", "connection reset", "prematurely reached end of stream",
            "exception sending message", "exception receiving message"};

    private TlsRejectionProbe() {
    }

    /** True when a failed connect broke the connection in the way a certificate rejection can. */
    static boolean worthProbing(RuntimeException failure) {
        Throwable driverFailure = failure instanceof ConsoleException ? failure.getCause() : failure;
        if (!(driverFailure instanceof MongoTimeoutException)) {
            return false;
        }
        String lower = String.valueOf(driverFailure.getMessage()).toLowerCase(Locale.ROOT);
        for (String alert : CERTIFICATE_ALERTS) {
            if (lower.contains(alert)) {
                return false;
            }
        }
        for (String broken : BROKEN_CONNECTION) {
            if (lower.contains(broken)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param hostPort {@code host:port} of the server
     * @return the TLS alert the server sent, when it rejected the client certificate
     */
    static Optional<String> rejectedCertificateAlert(com.mongodb.connection.SslSettings ssl, String hostPort, Duration timeout) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 27017 : Integer.parseInt(hostPort.substring(colon + 1));
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1000, timeout.toMillis()));
        try (SSLSocket socket = (SSLSocket) context(ssl).getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            socket.startHandshake();
            socket.getInputStream().read();
            return Optional.empty();
        } catch (SSLException e) {
            String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            for (String alert : CERTIFICATE_ALERTS) {
                if (lower.contains(alert)) {
                    return Optional.of(alert);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException | java.security.GeneralSecurityException e) {
            // No alert to read (a time-out, a refused connection): the driver's own message stands.
            return Optional.empty();
        }
    }

    private static SSLContext context(com.mongodb.connection.SslSettings ssl) throws java.security.GeneralSecurityException {
        return ssl.getContext() != null ? ssl.getContext() : SSLContext.getDefault();
    }
}
