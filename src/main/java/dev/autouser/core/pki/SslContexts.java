package dev.autouser.core.pki;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/** Builds TLS contexts for the MongoDB driver from PEM material, without keystore files on disk. */
public final class SslContexts {
    private SslContexts() {
    }

    /**
     * Verifies the server against {@code trustedCas} (or the JDK's default trust store when empty)
     * and presents {@code identity} when given.
     */
    public static SSLContext forClient(List<X509Certificate> trustedCas, ClientIdentity identityOrNull) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(identityOrNull == null ? null : keyManagers(identityOrNull),
                    trustedCas.isEmpty() ? null : trustManagers(trustedCas), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new PkiException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Accepts any server certificate. Only for a person who turned verification off explicitly;
     * callers must warn visibly.
     */
    public static SSLContext trustingAnyServer(ClientIdentity identityOrNull) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(identityOrNull == null ? null : keyManagers(identityOrNull),
                    new TrustManager[] {new TrustAnyServer()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new PkiException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * The one identity, presented whenever the server asks for a client certificate. Held directly
     * rather than in a PKCS#12 key store: storing a key there encrypts it (PBKDF2 and a cipher set-up),
     * a measurable share of a command-line run's start-up for no benefit in memory.
     */
    private static javax.net.ssl.KeyManager[] keyManagers(ClientIdentity identity) {
        return new javax.net.ssl.KeyManager[] {new SingleIdentityKeyManager(identity)};
    }

    private static TrustManager[] trustManagers(List<X509Certificate> cas) throws GeneralSecurityException {
        KeyStore store = emptyStore();
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static final class TrustAnyServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
