package dev.autouser.core.pki;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * The JVM's default TLS context, built only when something really uses it.
 *
 * <p>The MongoDB driver asks for {@link SSLContext#getDefault()} on every connection even when it has
 * a context of its own ({@code Optional.ofNullable(ours).orElse(SSLContext.getDefault())} evaluates
 * its argument), and building the default context reads and parses the JDK's whole CA store
 * (~140 certificates): ~0.1 s of CPU in a command-line run, for a context it then throws away. This
 * stand-in answers {@code getDefault()} at once and builds the real default (same system properties,
 * same trust store) the first time any of its methods is called, so whatever uses the default still
 * gets exactly the JDK's.
 */
public final class LazyDefaultSslContext extends SSLContext {
    private static boolean installed;

    LazyDefaultSslContext(Supplier<SSLContext> realDefault) {
        super(new Spi(realDefault), java.security.Security.getProvider("SunJSSE"), "Default");
    }

    /** Makes {@link SSLContext#getDefault()} this stand-in, once per JVM; later calls do nothing. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        SSLContext.setDefault(new LazyDefaultSslContext(LazyDefaultSslContext::jdkDefault));
    }

    private static SSLContext jdkDefault() {
        try {
            return SSLContext.getInstance("Default");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK's default TLS context cannot be built: " + e.getMessage(), e);
        }
    }

    private static final class Spi extends SSLContextSpi {
        private final Supplier<SSLContext> realDefault;
        private SSLContext real;

        Spi(Supplier<SSLContext> realDefault) {
            this.realDefault = realDefault;
        }

        private synchronized SSLContext real() {
            if (real == null) {
                real = realDefault.get();
            }
            return real;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            real().init(keys, trust, random); // the JDK's default context refuses, as it should
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
