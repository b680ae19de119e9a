package dev.autouser.core.evidence;

import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.history.EvidenceSource;
import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.pki.DevPki;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.SandboxServer;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MongoDB's log as a source: getLog "global" and id 5286306, against the sandbox reporting 7.0 (logs
 * it at the default verbosity) and 6.0 (does not: the source is unavailable, said as such).
 */
class ServerLogEvidenceSandboxTest {
    private final MongoTarget target = MongoTarget.sandbox();
    private final Seeds seeds = new Seeds(target);

    @AfterEach
    void cleanUp() {
        seeds.dropAll();
    }

    @Test
    void aLoginIsFoundInTheServersLogWithTimeAndClient() {
        Instant before = Instant.now().minusSeconds(1);
        String alice = seeds.autoUser("alice", false, "read@db1");
        seeds.connect(alice, "mongosh");

        ServerLogEvidence evidence;
        try (MongoGateway gateway = seeds.gatewayAs(MongoTarget.DBA)) {
            evidence = ServerLogEvidence.read(gateway);
        }

        assertThat(evidence.unavailable()).isEmpty();
        ServerLogEvidence.Authentication login = evidence.lastAuthentication().get("CN=" + alice);
        assertThat(login).isNotNull();
        assertThat(login.at()).isAfter(before);
        assertThat(login.client()).startsWith("127.0.0.1:");
    }

    @Test
    void theGuisFeedRecordsLoginsAsServerLogActivityAndSaysAnUnavailableLogOnce(@TempDir Path dir) throws Exception {
        String alice = seeds.autoUser("alice", false, "read@db1");
        seeds.connect(alice, "mongosh");
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"));
             MongoGateway dba = seeds.gatewayAs(MongoTarget.DBA);
             MongoGateway teleportAdmin = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN)) {
            assertThat(new ServerLogFeed(dba, "db1:27017", store).feed()).isEmpty();
            assertThat(store.evidence("db1:27017", UserKey.MONGODB).get("CN=" + alice).lastActive())
                    .containsKey(EvidenceSource.SERVER_LOG);

            ServerLogFeed refused = new ServerLogFeed(teleportAdmin, "db1:27017", store);
            assertThat(refused.feed()).hasValueSatisfying(sentence ->
                    assertThat(sentence).startsWith("Server log unavailable: the server did not give its log"));
            assertThat(refused.feedNow()).as("read again, but said once, not on every refresh").isEmpty();
        }
    }

    /** The Users page refreshes every 5 s; a getLog (up to 1,024 lines) on each would load a busy server. */
    @Test
    void theTimersRefreshesReadTheLogOnceAMinuteAndAPersonsRefreshReadsItAtOnce(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"));
             MongoGateway dba = seeds.gatewayAs(MongoTarget.DBA)) {
            ServerLogFeed feed = new ServerLogFeed(dba, "db1:27017", store, clock, ServerLogFeed.DEFAULT_INTERVAL);
            long before = getLogCommands(dba);
            for (int refresh = 0; refresh < 24; refresh++) { // two minutes of timer refreshes, 5 s apart
                feed.feed();
                clock.advance(java.time.Duration.ofSeconds(5));
            }
            assertThat(getLogCommands(dba) - before).as("getLog at 0 s and 60 s, none in between").isEqualTo(2);

            feed.feedNow(); // a person's refresh, 0 s after the last timer read
            assertThat(getLogCommands(dba) - before).isEqualTo(3);
            feed.feed();
            assertThat(getLogCommands(dba) - before).as("the person's read counts as the latest").isEqualTo(3);
        }
    }

    /** The getLog commands the server has run, as its serverStatus counts them (metrics.commands.getLog.total). */
    private static long getLogCommands(MongoGateway gateway) {
        Document commands = gateway.run("admin", new Document("serverStatus", 1), "server status")
                .get("metrics", Document.class).get("commands", Document.class);
        return commands.keySet().stream().filter(name -> name.equalsIgnoreCase("getLog"))
                .mapToLong(name -> commands.get(name, Document.class).get("total", Number.class).longValue()).sum();
    }

    private static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void getLogAnswersLikeMongod() {
        try (MongoGateway gateway = seeds.gatewayAs(MongoTarget.DBA)) {
            Document names = gateway.run("admin", new Document("getLog", "*"), "list logs");
            assertThat(names.getList("names", String.class)).containsExactly("global", "startupWarnings");
            Document global = gateway.run("admin", new Document("getLog", "global"), "read the log");
            assertThat(global.get("totalLinesWritten")).isInstanceOf(Long.class);
            List<String> lines = global.getList("log", String.class);
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(Document.parse(line).getString("s")).isNotNull());
            assertThatThrownBy(() -> gateway.run("admin", new Document("getLog", 5), "read the log"))
                    .isInstanceOf(ConsoleException.class)
                    .hasMessageContaining("Argument to getLog must be of type String; found 5 of type int");
            assertThatThrownBy(() -> gateway.run("admin", new Document("getLog", "nope"), "read the log"))
                    .hasMessageContaining("no RamLog named: nope");
        }
    }

    @Test
    void withoutTheGetLogPrivilegeTheSourceIsUnavailableAndSaysWhy() {
        // teleport-admin has user administration and inprog, not getLog (clusterMonitor would give it).
        try (MongoGateway gateway = seeds.gatewayAs(MongoTarget.TELEPORT_ADMIN)) {
            ServerLogEvidence evidence = ServerLogEvidence.read(gateway);

            assertThat(evidence.lastAuthentication()).isEmpty();
            assertThat(evidence.unavailable().orElseThrow()).startsWith("Server log unavailable: the server did not give its log");
        }
    }

    /**
     * Before the authentication session's own line (5286306) was logged at the default level, the X.509
     * {@code authenticate} command logged 20429 "Successfully authenticated" (authentication_commands.cpp): the console
     * reads that line too, so an older server's log is a source as well. The sandbox logs it when reporting 6.0.
     */
    @Test
    void aServerReportingSixLogsX509LoginsAs20429AndTheConsoleReadsThem(@TempDir Path dir) {
        DevPki pki = DevPki.openOrCreate(dir.resolve("pki"));
        try (SandboxServer server = SandboxServer.builder().port(0).tls(pki).serverVersion("6.0.19").build().start()) {
            DemoData.Seeded seeded = DemoData.seed(server, pki, new DemoData.Options(DemoData.Seed.EMPTY, 0));
            ConnectionProfile dba = ConnectionProfile.x509(server.connectionString(), pki.caFile(), seeded.dbaFile());
            try (MongoGateway gateway = MongoGateway.connect(dba, null)) {
                List<Document> lines = gateway.run("admin", new Document("getLog", "global"), "read the log")
                        .getList("log", String.class).stream().map(Document::parse).toList();
                assertThat(lines).extracting(line -> line.get("id")).doesNotContain(5286306).contains(20429);
                Document x509 = lines.stream().filter(line -> Integer.valueOf(20429).equals(line.get("id")))
                        .findFirst().orElseThrow();
                assertThat(x509.getString("s")).isEqualTo("I");
                assertThat(x509.getString("msg")).isEqualTo("Successfully authenticated");
                Document attr = x509.get("attr", Document.class);
                assertThat(attr.getString("mechanism")).isEqualTo("MONGODB-X509");
                assertThat(attr.getString("db")).isEqualTo("$external");

                ServerLogEvidence evidence = ServerLogEvidence.read(gateway);

                assertThat(evidence.unavailable()).isEmpty();
                assertThat(evidence.lastAuthentication()).containsKey(attr.getString("user"));
                assertThat(evidence.lastAuthentication().get(attr.getString("user")).client()).startsWith("127.0.0.1:");
            }
        }
    }

    @Test
    void aLogWithoutAnyLoginLineIsAnUnavailableSourceNamingBothIds() {
        ServerLogEvidence none = ServerLogEvidence.fromLines(List.of(
                "{\"t\":{\"$date\":\"2026-12-01T10:00:00.000+00:00\"},\"s\":\"I\",\"c\":\"NETWORK\",\"id\":22943,"
                        + "\"ctx\":\"listener\",\"msg\":\"Connection accepted\",\"attr\":{\"remote\":\"10.0.0.5:1\"}}"));
        assertThat(none.unavailable()).contains("Server log unavailable: the server's recent log holds no successful"
                + " authentication of an $external user (log id 5286306 or 20429).");
    }
}
