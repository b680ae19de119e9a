package dev.autouser.core.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What one or more PEM files held: certificates in file order and at most one private key.
 * {@code tctl auth sign --format=mongodb} writes certificate and key into one file; other tools
 * write them apart. Both end up here.
 */
public record PemContent(List<X509Certificate> certificates, Optional<PrivateKey> privateKey) {
    public PemContent {
        certificates = List.copyOf(certificates);
    }

    public PemContent merge(PemContent other) {
        if (privateKey.isPresent() && other.privateKey.isPresent()) {
            throw new PkiException("Two private keys were given; choose one key file.");
        }
        var all = new java.util.ArrayList<>(certificates);
        all.addAll(other.certificates);
        return new PemContent(all, privateKey.isPresent() ? privateKey : other.privateKey);
    }
}
