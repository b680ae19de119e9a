package dev.autouser.core.pki;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;
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

    private static final class Spi extends ForwardingSslContextSpi {
        private final Supplier<SSLContext> realDefault;
        private SSLContext real;

        Spi(Supplier<SSLContext> realDefault) {
            this.realDefault = realDefault;
        }

        /** Built on the first call; init() then goes to the JDK's default context, which refuses it as it should. */
        @Override
        synchronized SSLContext target() {
            if (real == null) {
                real = realDefault.get();
            }
            return real;
        }
    }
}
