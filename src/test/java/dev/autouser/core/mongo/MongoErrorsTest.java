package dev.autouser.core.mongo;

import com.mongodb.MongoTimeoutException;
import dev.autouser.core.pki.PkiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sentences for failures that need no server: real server refusals are tested against the sandbox. */
class MongoErrorsTest {
    private static String translate(RuntimeException e) {
        return MongoErrors.translate(e, "db.example.com:27017", "CN=dba", "", "", "connect").getMessage();
    }

    @Test
    void refusedConnectionSaysSo() {
        assertEquals("Cannot reach db.example.com:27017: the connection was refused (is mongod running on that port?).",
                translate(new MongoTimeoutException("Timed out ... exception={com.mongodb.MongoSocketOpenException:"
                        + " Exception opening socket}, caused by {java.net.ConnectException: Connection refused}}]")));
    }

    @Test
    void untrustedServerCertificateIsATlsFailure() {
        assertEquals("TLS failed with db.example.com:27017: the server's certificate is not signed by the chosen CA.",
                translate(new MongoTimeoutException("... caused by {javax.net.ssl.SSLHandshakeException: PKIX path"
                        + " building failed: unable to find valid certification path to requested target}}]")));
    }

    @Test
    void unknownHostSaysSo() {
        assertEquals("Cannot reach db.example.com:27017: the host name is unknown.",
                translate(new MongoTimeoutException("... caused by {java.net.UnknownHostException: db.example.com}}]")));
    }

    @Test
    void silentTimeoutPointsAtAddressAndFirewall() {
        assertEquals("Cannot reach db.example.com:27017 within the time limit: check the address, the port and any"
                + " firewall.", translate(new MongoTimeoutException("Timed out while waiting for a server")));
    }

    @Test
    void pkiProblemsKeepTheirSentence() {
        assertEquals("alice.pem holds no certificate.", translate(new PkiException("alice.pem holds no certificate.")));
    }
}
