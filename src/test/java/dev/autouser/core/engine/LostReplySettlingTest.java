package dev.autouser.core.engine;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.postgres.PostgresEngine;
import dev.autouser.core.postgres.PostgresGateway;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.testsupport.PostgresAutoUsers;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Settling before each of a session's listings (the GUI's refresh) on a real PostgreSQL: a lost reply is
 * settled from the server at the next listing; the audit log is read again only after it changed, and a
 * lost reply another process writes is settled at the listing after it.
 */
class LostReplySettlingTest {
    @TempDir
    Path dir;
    private final PostgresAutoUsers users = new PostgresAutoUsers("lrs");
    private final PostgresGateway gateway = PostgresGateway.connect(users.target().profileAs(PostgresTarget.DBA), null, null);

    @AfterEach
    void close() throws SQLException {
        gateway.close();
        users.close();
    }

    @Test
    void aLostReplyIsSettledAtTheNextListingAndTheLogIsReadAgainOnlyAfterItChanged() {
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"));
        CountingEngine engine = new CountingEngine(new PostgresEngine(gateway));
        LostReplySettling settling = new LostReplySettling(engine, audit);
        String first = users.autoUser("first", true);
        PostgresAutoUsers.lockWithLostReply(gateway, audit, first);

        assertEquals(1, settling.beforeListing());
        assertEquals("resolved: applied, " + first + " cannot log in (NOLOGIN)",
                PostgresAutoUsers.resolutionOf(audit, first).orElseThrow().result());
        assertEquals(0, settling.beforeListing());
        assertEquals(0, settling.beforeListing());
        assertEquals(1, engine.settlements, "the log did not change after the settlement: not read again");

        String second = users.autoUser("second", true);
        // another writer of the same log (the CLI, another console) loses a reply
        PostgresAutoUsers.lockWithLostReply(gateway, new AuditLog(dir.resolve("audit.jsonl")), second);
        assertEquals(1, settling.beforeListing());
        assertEquals(2, engine.settlements);
        assertFalse(PostgresAutoUsers.resolutionOf(audit, second).isEmpty());
    }

    /** The real engine, counting how often the audit log is searched for lost replies. */
    private static final class CountingEngine implements AutoUserEngine {
        private final AutoUserEngine engine;
        int settlements;

        CountingEngine(AutoUserEngine engine) {
            this.engine = engine;
        }

        @Override
        public int settleLostReplies(AuditLog audit) {
            settlements++;
            return engine.settleLostReplies(audit);
        }

        @Override
        public Engine engine() {
            return engine.engine();
        }

        @Override
        public String server() {
            return engine.server();
        }

        @Override
        public String identity() {
            return engine.identity();
        }

        @Override
        public AutoUserListing list() {
            return engine.list();
        }

        @Override
        public UserActions actions(AuditLog audit) {
            return engine.actions(audit);
        }

        @Override
        public TeleportProvisioning teleport(AuditLog audit) {
            return engine.teleport(audit);
        }

        @Override
        public List<String> permissions() {
            return engine.permissions();
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
