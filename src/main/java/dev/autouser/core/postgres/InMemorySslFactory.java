package dev.autouser.core.postgres;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code sslfactory} the console gives the PostgreSQL JDBC driver: it wraps a TLS context built
 * in memory from the PEM files (CA, client certificate, private key), so no key store and no key
 * ever reaches the disk (the driver's own factory would read {@code sslkey} from a PKCS#8 DER file).
 * The driver creates the factory by class name with the connection's properties; the context is
 * handed over through a one-time registration named in those properties.
 */
public final class InMemorySslFactory extends SSLSocketFactory {
    /** Connection property naming the registration (not a secret: a random id, valid during one connect). */
    public static final String CONTEXT_PROPERTY = "autouserTlsContext";
    private static final Map<String, SSLContext> REGISTERED = new ConcurrentHashMap<>();

    private final SSLSocketFactory delegate;

    /** Called by the driver with the connection's properties. */
    public InMemorySslFactory(Properties properties) {
        SSLContext context = REGISTERED.get(properties.getProperty(CONTEXT_PROPERTY, ""));
        if (context == null) {
            throw new IllegalStateException("No TLS context registered for this connection.");
        }
        this.delegate = context.getSocketFactory();
    }

    /** Makes {@code context} available to the driver until {@link #unregister}; returns the id to put in the properties. */
    static String register(SSLContext context) {
        String id = UUID.randomUUID().toString();
        REGISTERED.put(id, context);
        return id;
    }

    static void unregister(String id) {
        REGISTERED.remove(id);
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
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
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
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
