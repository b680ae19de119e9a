package dev.autouser.core.pki;

import javax.security.auth.x500.X500Principal;
import java.security.cert.X509Certificate;

/** X.509 distinguished names as MongoDB spells them: RFC 2253. */
public final class X509Names {
    private X509Names() {
    }

    public static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    public static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    /** "CN=alice" for a Teleport user name; Teleport does no RFC 2253 escaping, nor do we. */
    public static String commonName(String name) {
        return "CN=" + name;
    }
}
