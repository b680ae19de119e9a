package dev.autouser.core.mongo;

import dev.autouser.core.ConsoleException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.MongoCommandException;
import dev.autouser.core.teleport.GatewayCommandRunner;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command the gateway sends leaves one log line (intent, duration, outcome) and never its body. */
class CommandLogTest {
    private final MongoTarget target = MongoTarget.sandbox();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CommandLog.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level levelBefore;
    private MongoGateway gateway;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        events.start();
        logger.addAppender(events);
        gateway = MongoGateway.connect(ConnectionProfile.x509(target.uri(), target.caFile(),
                target.clientFile(MongoTarget.DBA)), null);
        events.list.clear();
    }

    @AfterEach
    void release() {
        logger.detachAppender(events);
        logger.setLevel(levelBefore);
        gateway.close();
    }

    @Test
    void aChangeIsLoggedWithItsIntentButNeverItsBody() {
        String user = "logtest-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        String secret = "s3cret-" + System.nanoTime();

        gateway.run(MongoCommand.of("admin", new Document("createUser", user).append("pwd", secret)
                .append("roles", List.of()), "create " + user));
        gateway.run(MongoCommand.of("admin", new Document("dropUser", user), "drop " + user));

        assertEquals(2, events.list.size(), events.list::toString);
        ILoggingEvent created = events.list.get(0);
        assertEquals(Level.INFO, created.getLevel());
        assertTrue(created.getFormattedMessage().startsWith("create " + user + " (createUser on admin at "),
                created.getFormattedMessage());
        assertTrue(created.getFormattedMessage().matches(".* ok in \\d+ ms"), created.getFormattedMessage());
        assertTrue(events.list.stream().noneMatch(e -> e.getFormattedMessage().contains(secret)));
    }

    @Test
    void aReadIsLoggedAtDebug() {
        gateway.run("admin", new Document("ping", 1), "ping the server");

        assertEquals(1, events.list.size());
        assertEquals(Level.DEBUG, events.list.get(0).getLevel());
        assertTrue(events.list.get(0).getFormattedMessage().startsWith("ping the server (ping on admin at "));
    }

    @Test
    void aRefusalKeepsCodeAndCauseThroughTheCommandRunnerAndIsLoggedWithIt() {
        GatewayCommandRunner runner = new GatewayCommandRunner(gateway);

        ConsoleException refused = assertThrows(ConsoleException.class,
                () -> runner.run("admin", new Document("noSuchCommand", 1)));

        assertTrue(refused.isRefusal());
        assertFalse(MongoErrors.isUnauthorized(refused));
        MongoCommandException cause = assertInstanceOf(MongoCommandException.class, refused.getCause());
        assertEquals(cause.getErrorCode(), refused.serverCode().getAsInt());
        ILoggingEvent logged = events.list.get(0);
        assertEquals(Level.WARN, logged.getLevel());
        assertTrue(logged.getFormattedMessage().contains("failed in "), logged.getFormattedMessage());
        assertTrue(logged.getFormattedMessage().contains("with code " + cause.getErrorCode()), logged.getFormattedMessage());
        assertEquals(MongoCommandException.class.getName(), logged.getThrowableProxy().getClassName());
    }

    @Test
    void aConnectionIsLoggedWithServerIdentityAndVersion() {
        try (MongoGateway another = MongoGateway.connect(ConnectionProfile.x509(target.uri(), target.caFile(),
                target.clientFile(MongoTarget.DBA)), null)) {
            ILoggingEvent connected = events.list.stream()
                    .filter(e -> e.getFormattedMessage().startsWith("Connected to ")).findFirst().orElseThrow();
            assertEquals(Level.INFO, connected.getLevel());
            assertTrue(connected.getFormattedMessage().contains(" as CN=dba: MongoDB "),
                    connected.getFormattedMessage());
        }
    }
}
