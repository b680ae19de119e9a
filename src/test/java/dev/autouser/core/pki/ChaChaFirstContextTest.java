package dev.autouser.core.pki;

import dev.autouser.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The MongoDB client offers TLS 1.3's ChaCha20-Poly1305 first, changing nothing else; the sandbox,
 * like mongod with OpenSSL, takes the client's order, so its connections really use ChaCha20.
 */
class ChaChaFirstContextTest {
    @TempDir
    static Path pkiDir;
    static DevPki pki;
    static SandboxServer server;

    @BeforeAll
    static void start() {
        pki = DevPki.openOrCreate(pkiDir);
        server = SandboxServer.builder().port(0).tls(pki).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void offersEverySuiteAndProtocolOfTheJdkWithOnlyChaCha20MovedFirst() throws Exception {
        try (SSLSocket plain = (SSLSocket) plainContext().getSocketFactory().createSocket();
             SSLSocket wrapped = (SSLSocket) ChaChaFirstContext.wrap(plainContext()).getSocketFactory().createSocket()) {
            List<String> expected = new ArrayList<>(Arrays.asList(plain.getEnabledCipherSuites()));
            expected.remove(ChaChaFirstContext.CHACHA20);
            expected.add(0, ChaChaFirstContext.CHACHA20);

            assertEquals(expected, Arrays.asList(wrapped.getEnabledCipherSuites()));
            assertArrayEquals(plain.getEnabledProtocols(), wrapped.getEnabledProtocols());
        }
    }

    @Test
    void theSandboxNegotiatesChaCha20WithTheWrappedContext() throws Exception {
        SSLSession session = handshake(ChaChaFirstContext.wrap(plainContext()));

        assertEquals("TLSv1.3", session.getProtocol());
        assertEquals(ChaChaFirstContext.CHACHA20, session.getCipherSuite());
    }

    @Test
    void theSandboxTakesTheClientsFirstChoiceAsMongodDoes() throws Exception {
        SSLContext plain = plainContext();
        String clientFirst = plain.getDefaultSSLParameters().getCipherSuites()[0];

        SSLSession session = handshake(plain);

        assertEquals(clientFirst, session.getCipherSuite());
    }

    private static SSLSession handshake(SSLContext context) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port())) {
            socket.setSoTimeout(60_000);
            socket.startHandshake();
            return socket.getSession();
        }
    }

    private static SSLContext plainContext() {
        return SslContexts.forClient(List.of(pki.caCertificate()), pki.clientIdentity("dba", "dba.pem"));
    }
}
