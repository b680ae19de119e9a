package dev.autouser.core.pki;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.security.KeyManagementException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The JDK's default TLS context is built only when used, and is then exactly the JDK's. */
class LazyDefaultSslContextTest {
    @Test
    void theRealDefaultIsBuiltOnFirstUseOnly() throws Exception {
        SSLContext jdk = SSLContext.getInstance("Default");
        AtomicInteger built = new AtomicInteger();
        SSLContext lazy = new LazyDefaultSslContext(() -> {
            built.incrementAndGet();
            return jdk;
        });
        assertEquals(0, built.get());

        assertArrayEquals(jdk.getSocketFactory().getDefaultCipherSuites(), lazy.getSocketFactory().getDefaultCipherSuites());
        lazy.createSSLEngine("localhost", 27017);

        assertEquals(1, built.get());
    }

    @Test
    void itAnswersAsTheJdksDefaultDoes() throws Exception {
        SSLContext jdk = SSLContext.getInstance("Default");
        SSLContext lazy = new LazyDefaultSslContext(() -> jdk);

        SSLParameters expected = jdk.getDefaultSSLParameters();
        SSLParameters actual = lazy.getDefaultSSLParameters();
        assertArrayEquals(expected.getCipherSuites(), actual.getCipherSuites());
        assertArrayEquals(expected.getProtocols(), actual.getProtocols());
        assertEquals(Arrays.asList(jdk.getSupportedSSLParameters().getCipherSuites()),
                Arrays.asList(lazy.getSupportedSSLParameters().getCipherSuites()));
        assertEquals("Default", lazy.getProtocol());
        assertThrows(KeyManagementException.class, () -> lazy.init(null, null, null),
                "the default context is set up by the JDK, never by init");
    }

    @Test
    void preparingATlsConnectionInstallsIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        DevPki pki = DevPki.openOrCreate(dir);
        java.nio.file.Path alice = pki.clientFile("alice", "alice.pem");

        dev.autouser.core.mongo.ClientSettingsFactory.prepare(
                dev.autouser.core.mongo.ConnectionProfile.x509("mongodb://localhost:27017", pki.caFile(), alice),
                dev.autouser.core.mongo.Secrets.none(), java.time.Duration.ofSeconds(5),
                new com.mongodb.event.CommandListener() { }, java.time.Instant.now());

        assertEquals(LazyDefaultSslContext.class, SSLContext.getDefault().getClass());
    }
}
