package dev.autouser.sandbox.postgres;

import dev.autouser.core.pki.ClientIdentity;
import dev.autouser.core.pki.PemReader;
import dev.autouser.core.pki.SslContexts;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The demo's TLS for the JDBC driver ({@code sslfactory}): the demo CA from {@code sslrootcert} and
 * the combined certificate + key PEM from {@code sslcert} (none for a password login) (the driver's own key loader wants DER),
 * read in memory. The driver still checks the host name itself under {@code sslmode=verify-full}.
 */
public final class DemoSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    /** The driver calls this with the connection's properties. */
    public DemoSslSocketFactory(Properties info) {
        Path ca = Path.of(info.getProperty("sslrootcert"));
        String identity = info.getProperty("sslcert");
        delegate = SslContexts.forClient(PemReader.read(ca).certificates(),
                identity == null ? null : ClientIdentity.load(Path.of(identity), null, null)).getSocketFactory();
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
