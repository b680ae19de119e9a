package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.pki.DevPki;
import dev.autouser.testsupport.MongoTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: a client certificate from a CA the server does not trust was sometimes reported as
 * "check the address, the port and any firewall": under TLS 1.3 the driver's first write races the
 * server's alert (broken pipe instead of certificate_unknown). Every attempt must name the certificate.
 */
class UntrustedClientCertificateTest {
    @Test
    void everyAttemptWithAnUntrustedClientCertificateSaysTheServerRejectedIt(@TempDir Path dir) {
        MongoTarget target = MongoTarget.sandbox();
        DevPki otherCa = DevPki.openOrCreate(dir);
        ConnectionProfile intruder = ConnectionProfile.x509(target.uri(), target.caFile(),
                otherCa.clientFile("intruder", "intruder.pem"));
        List<String> messages = new ArrayList<>();

        for (int attempt = 0; attempt < 8; attempt++) {
            ConsoleException e = assertThrows(ConsoleException.class,
                    () -> MongoGateway.connect(intruder, Secrets.none(), Duration.ofSeconds(1)).close());
            messages.add(e.getMessage());
        }

        messages.forEach(m -> assertTrue(m.contains("the server rejected the client certificate"), messages.toString()));
        assertEquals(0, messages.stream().filter(m -> m.contains("firewall")).count(), messages.toString());
    }
}
