package dev.autouser.core.pki;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A client TLS context that offers TLS 1.3's ChaCha20-Poly1305 suite first; every suite and protocol
 * the JDK enables stays enabled, in the JDK's order otherwise.
 *
 * <p>Why: the command line runs with the C1 compiler only (a short run is two to three times cheaper
 * that way), and the JDK's AES and GHASH CPU intrinsics exist only in C2. Without them AES-GCM costs
 * ~30 ms of CPU per MB decrypted on the development machine and ChaCha20-Poly1305 ~7.5 ms (README,
 * Benchmark); at 10,000 users AES-GCM decryption was the largest single cost of a listing. With C2
 * (the console) ChaCha20 is no slower than AES-GCM either.
 *
 * <p>Not a weaker choice: {@code TLS_CHACHA20_POLY1305_SHA256} is one of the three TLS 1.3 suites the
 * JDK and OpenSSL enable by default (RFC 8446 §9.1), an AEAD with a 256-bit key, with the same
 * handshake, key exchange and certificate checks. Only the order the client offers changes; a server
 * that keeps its own order (the JDK's default, nginx's {@code ssl_prefer_server_ciphers}) still picks
 * what it picks. mongod with OpenSSL does not set a server preference, so it takes the client's.
 */
public final class ChaChaFirstContext extends SSLContext {
    static final String CHACHA20 = "TLS_CHACHA20_POLY1305_SHA256";

    private ChaChaFirstContext(SSLContext delegate) {
        super(new Spi(delegate), delegate.getProvider(), delegate.getProtocol());
    }

    /** {@code context}, offering ChaCha20-Poly1305 first on every socket and engine it makes. */
    public static SSLContext wrap(SSLContext context) {
        return new ChaChaFirstContext(context);
    }

    /** {@code suites} with ChaCha20-Poly1305 moved to the front when it is among them; nothing added or removed. */
    static String[] chaChaFirst(String[] suites) {
        List<String> ordered = new ArrayList<>(suites.length);
        for (String suite : suites) {
            if (CHACHA20.equals(suite)) {
                ordered.add(0, suite);
            } else {
                ordered.add(suite);
            }
        }
        return ordered.toArray(new String[0]);
    }

    private static SSLParameters chaChaFirst(SSLParameters parameters) {
        parameters.setCipherSuites(chaChaFirst(parameters.getCipherSuites()));
        return parameters;
    }

    private static final class Spi extends ForwardingSslContextSpi {
        private final SSLContext delegate;

        Spi(SSLContext delegate) {
            this.delegate = delegate;
        }

        @Override
        SSLContext target() {
            return delegate;
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new SocketFactory(delegate.getSocketFactory());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return ordered(delegate.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return ordered(delegate.createSSLEngine(host, port));
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return chaChaFirst(delegate.getDefaultSSLParameters());
        }

        private static SSLEngine ordered(SSLEngine engine) {
            engine.setEnabledCipherSuites(chaChaFirst(engine.getEnabledCipherSuites()));
            return engine;
        }
    }

    /** The delegate's sockets, each offering ChaCha20-Poly1305 first. */
    private static final class SocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        SocketFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return chaChaFirst(delegate.getDefaultCipherSuites());
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return ordered(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return ordered(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
            return ordered(delegate.createSocket(socket, consumed, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return ordered(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return ordered(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return ordered(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return ordered(delegate.createSocket(address, port, localAddress, localPort));
        }

        private static Socket ordered(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                ssl.setEnabledCipherSuites(chaChaFirst(ssl.getEnabledCipherSuites()));
            }
            return socket;
        }
    }
}
