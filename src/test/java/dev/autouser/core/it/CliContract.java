package dev.autouser.core.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autouser.cli.AutoUserCommand;
import dev.autouser.cli.CliContext;
import dev.autouser.core.AppDirs;
import dev.autouser.core.audit.AuditEntry;
import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditReading;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.audit.Channel;
import dev.autouser.core.audit.ChainVerdict;
import dev.autouser.core.audit.Mark;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import dev.autouser.testsupport.Seeds;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI run in-process against a server: output, exit codes and what changed on the server. */
abstract class CliContract extends SeededContract {
    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    private Run run(String input, boolean interactive, String... args) {
        CliContext context = new CliContext(new AppDirs(home.resolve("config"), home.resolve("data")),
                Map.of("KEY_PASS", "not-needed"), interactive, new BufferedReader(new StringReader(input)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AutoUserCommand.execute(context, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Run asDba(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--uri", target().uri(), "--tls-ca", target().caFile().toString(),
                "--tls-cert", target().clientFile(MongoTarget.DBA).toString()));
        return run("", false, all.toArray(String[]::new));
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("list", "lock", "drop", "activate", "deactivate", "cleanup", "server-info")) {
            Run help = run("", false, command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().contains("--uri"), command + ": " + help.out());
        }
    }

    @Test
    void listPrintsTableJsonAndCsvAndFiltersByState() throws Exception {
        String idle = seeds.autoUser("idle", false, "read@db1");
        String locked = seeds.autoUser("locked", true);
        Run table = asDba("list");
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().startsWith("MONGODB USER"), table.out());
        assertTrue(table.out().contains("CN=" + idle), table.out());
        assertTrue(table.out().contains("3 round trips."), table.out());
        Run json = asDba("list", "--json", "--state", "locked");
        JsonNode users = new ObjectMapper().readTree(json.out());
        List<String> names = new ArrayList<>();
        users.forEach(u -> names.add(u.path("mongoUser").asText()));
        assertTrue(names.contains("CN=" + locked), names.toString());
        assertFalse(names.contains("CN=" + idle), names.toString());
        users.forEach(u -> assertEquals("locked", u.path("state").asText()));
        Run csv = asDba("list", "--csv", "--state", "not-cleaned-up");
        assertTrue(csv.out().startsWith("mongo_user,teleport_user,root_cluster,state,roles"), csv.out());
        // never seen active, not locked, first seen by the listings above (the history in the test's data folder)
        String row = csv.out().lines().filter(l -> l.startsWith("CN=" + idle + ",")).findFirst().orElseThrow();
        assertTrue(row.startsWith("CN=" + idle + "," + idle + ",,not-cleaned-up,read@db1,0,,,,,,"), row);
        java.time.Instant.parse(row.substring(row.lastIndexOf(',') + 1));
        assertTrue(table.out().lines().findFirst().orElseThrow().endsWith("LAST ACTIVE  LOCKED SINCE  FIRST SEEN"), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("CN=" + idle + " ") && l.contains("not seen")
                && l.endsWith("just now")), table.out());
    }

    @Test
    void listRecordsUseInTheHistoryAndTheNextRunShowsIt() throws Exception {
        String name = seeds.autoUser("seen", false, "read@db1");
        try (var session = seeds.connect(name, "mongosh 2.3.1")) {
            assertEquals(0, asDba("list").exit());
        }
        JsonNode users = new ObjectMapper().readTree(asDba("list", "--json").out());
        JsonNode user = null;
        for (JsonNode each : users) {
            if (each.path("mongoUser").asText().equals("CN=" + name)) {
                user = each;
            }
        }
        assertTrue(user != null, users.toString());
        assertEquals("observed", user.path("lastActiveSource").asText(), user.toString());
        java.time.Instant.parse(user.path("lastActive").asText());
        java.time.Instant.parse(user.path("firstSeen").asText());
        assertTrue(user.path("lockedSince").isNull(), user.toString());
    }

    @Test
    void aHistoryThatCannotBeOpenedNeverBlocksListingOrCleanupAndIsSaidOnce() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("data").resolve("history.db"));
        String name = seeds.autoUser("no-history", false, "read@db1");
        Run list = asDba("list", "--csv");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("CN=" + name + ","), list.out());
        assertEquals(1, list.err().lines().filter(l -> l.startsWith("warning: The usage history is not available")).count(),
                list.err());
        Run dry = asDba("cleanup", "--not-cleaned-up-only", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("CN=" + name), dry.out());
        assertEquals(1, dry.err().lines().filter(l -> l.contains("usage history is not available")).count(), dry.err());
    }

    @Test
    void unknownStateIsAUsageError() {
        Run bad = asDba("list", "--state", "sleepy");
        assertEquals(2, bad.exit());
        assertEquals("error: Unknown state \"sleepy\": use active, not-cleaned-up or locked.\n", bad.err());
    }

    @Test
    void lockOfAllGoodUsersExitsZeroAndWithARefusalExitsOne() {
        String a = seeds.autoUser("a", false, "read@db1");
        String human = seeds.plainUser("human", null);
        Run ok = asDba("lock", a);
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("done    CN=" + a + ": locked"), ok.out());
        Run mixed = asDba("lock", seeds.autoUser("b", false), human);
        assertEquals(1, mixed.exit(), mixed.out());
        assertTrue(mixed.out().contains("refused CN=" + human + ": not managed by Teleport"), mixed.out());
        assertTrue(seeds.userInfo(human).getList("authenticationRestrictions", Document.class).isEmpty());
    }

    @Test
    void dropDryRunChangesNothingAndDropRemoves() throws Exception {
        String stale = seeds.autoUser("stale", false);
        Run dry = asDba("drop", "--dry-run", stale);
        assertEquals(0, dry.exit());
        assertTrue(dry.out().contains("runCommand({\"dropUser\": \"CN=" + stale + "\"})"), dry.out());
        assertTrue(seeds.exists(stale));
        Run drop = asDba("drop", stale, "--yes");
        assertEquals(0, drop.exit(), drop.out() + drop.err());
        assertFalse(seeds.exists(stale));
        AuditLog audit = new AuditLog(home.resolve("data/audit.jsonl"));
        assertEquals("CN=" + stale, audit.readNewestFirst(1).get(0).targetUser());
        assertFalse(Files.readString(audit.file()).contains("PRIVATE KEY"));
    }

    @Test
    void eachCommandIsOneRunAttributedToTheCliAndDryRunsAreMarked() {
        String a = seeds.autoUser("run-a", false);
        String b = seeds.autoUser("run-b", false);
        assertEquals(0, asDba("lock", "--dry-run", a, b).exit());
        Run lock = asDba("lock", a, b);
        assertEquals(0, lock.exit(), lock.out() + lock.err());
        AuditReading reading = new AuditLog(home.resolve("data/audit.jsonl")).read();
        assertEquals(ChainVerdict.Status.INTACT, reading.verdict().status(), reading.verdict().summary());
        List<AuditRecord> records = reading.entries().stream().map(AuditEntry::record).toList();
        assertEquals(6, records.size(), records.toString());
        List<AuditRecord> dry = records.subList(0, 2);
        List<AuditRecord> real = records.subList(2, 6);
        assertTrue(dry.stream().allMatch(r -> r.run().has(Mark.DRY_RUN) && r.result().startsWith("dry run")), dry.toString());
        assertTrue(real.stream().noneMatch(r -> r.run().has(Mark.DRY_RUN)), real.toString());
        assertEquals(1, dry.stream().map(r -> r.run().id()).distinct().count());
        assertEquals(1, real.stream().map(r -> r.run().id()).distinct().count());
        assertFalse(dry.get(0).run().id().equals(real.get(0).run().id()));
        for (AuditRecord record : records) {
            assertEquals("lock", record.run().action());
            assertEquals(Channel.CLI, record.origin().via());
            assertEquals("autouser", record.origin().tool());
            assertFalse(record.origin().version().isEmpty());
            assertEquals(System.getProperty("user.name"), record.osUser());
            assertFalse(record.origin().host().isEmpty());
            assertEquals("CN=dba@$external", record.identity());
            assertFalse(record.server().isEmpty());
        }
        // each lock: intent before, outcome after
        assertEquals(List.of("CN=" + a, "CN=" + a, "CN=" + b, "CN=" + b), real.stream().map(AuditRecord::targetUser).toList());
        assertEquals(List.of(AuditRecord.Phase.INTENT, AuditRecord.Phase.OUTCOME, AuditRecord.Phase.INTENT,
                AuditRecord.Phase.OUTCOME), real.stream().map(AuditRecord::phase).toList());
    }

    @Test
    void activateAndDeactivateFollowTeleport() {
        String name = Seeds.unique("cli");
        seeds.track(name);
        Run activate = asDba("activate", name, "--roles", "readWrite@db1,read@admin");
        assertEquals(0, activate.exit(), activate.err());
        assertEquals("CN=" + name + ": created with roles read@admin, readWrite@db1.\n", activate.out());
        Run deactivate = asDba("deactivate", name);
        assertEquals(0, deactivate.exit(), deactivate.err());
        assertTrue(seeds.userInfo(name).getList("roles", Document.class).isEmpty());
    }

    @Test
    void badRoleStringIsAUsageErrorBeforeConnecting() {
        Run bad = run("", false, "activate", "x", "--roles", "readWrite", "--uri", "mongodb://localhost:1");
        assertEquals(2, bad.exit());
        assertEquals("error: Role \"readWrite\" is not in the form role@db (for example readWrite@sales).\n", bad.err());
    }

    @Test
    void cleanupWithoutYesAndWithoutTerminalRefusesToAct() {
        String stale = seeds.autoUser("stale", true);
        Run refused = asDba("cleanup", "--locked-only");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("no terminal to ask on; pass --yes"), refused.err());
        assertTrue(seeds.exists(stale));
    }

    @Test
    void cleanupAsksAtTheTerminalAndActsOnlyOnTheExactAnswer() {
        // A confirmed cleanup drops every stale auto-user on the server: never on a shared real mongod.
        Assumptions.assumeTrue(target().isSandbox(), "acts on the whole server");
        String stale = seeds.autoUser("stale", true);
        List<String> args = List.of("cleanup", "--locked-only", "--uri", target().uri(), "--tls-ca",
                target().caFile().toString(), "--tls-cert", target().clientFile(MongoTarget.DBA).toString());
        Run declined = run("yes\n", true, args.toArray(String[]::new));
        assertEquals(1, declined.exit(), "declined: no user was acted on, as the README says for 1");
        assertTrue(seeds.exists(stale));
        int count = Integer.parseInt(declined.out().replaceAll("(?s).*Type \"drop (\\d+)\".*", "$1"));
        Run accepted = run("drop " + count + "\n", true, args.toArray(String[]::new));
        assertTrue(accepted.exit() == 0 || accepted.exit() == 1, accepted.out() + accepted.err());
        assertFalse(seeds.exists(stale));
    }

    @Test
    void cleanupDryRunListsCommandsAndYesActs() {
        Assumptions.assumeTrue(target().isSandbox(), "acts on the whole server");
        String stale = seeds.autoUser("stale", false);
        Run dry = asDba("cleanup", "--not-cleaned-up-only", "--dry-run");
        assertEquals(0, dry.exit());
        assertTrue(dry.out().contains("CN=" + stale + ": not cleaned up: not locked, no live connection"), dry.out());
        assertTrue(seeds.exists(stale));
        Run yes = asDba("cleanup", "--not-cleaned-up-only", "--yes");
        assertTrue(yes.exit() == 0 || yes.exit() == 1, yes.out() + yes.err());
        assertFalse(seeds.exists(stale));
    }

    @Test
    void serverInfoShowsIdentityAndOperations() {
        Run info = asDba("server-info");
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("Connected as:  CN=dba@$external"), info.out());
        assertTrue(info.out().contains("yes drop auto-users"), info.out());
    }

    @Test
    void unreachableServerExitsTwoWithOneSentence() {
        Run down = run("", false, "list", "--uri", "mongodb://localhost:1", "--timeout", "1");
        assertEquals(2, down.exit());
        assertEquals("error: Cannot reach localhost:1: the connection was refused (is mongod running on that port?).\n",
                down.err());
    }

    @Test
    void missingPasswordVariableIsNamed() {
        Run bad = run("", false, "list", "--uri", "mongodb://localhost:1", "--auth", "scram", "--username", "dba",
                "--password-env", "NOPE_NOT_SET");
        assertEquals(2, bad.exit());
        assertEquals("error: --password-env names NOPE_NOT_SET, but that environment variable is not set.\n", bad.err());
    }

    @Test
    void savedProfileHoldsNoSecretsAndCanBeReused() throws Exception {
        Run save = asDba("server-info", "--save-profile", "sandbox", "--tls-key-passphrase-env", "KEY_PASS");
        assertEquals(0, save.exit(), save.err());
        String saved = Files.readString(home.resolve("config/profiles.json"));
        assertFalse(saved.contains("not-needed"), saved);
        Run reuse = run("", false, "server-info", "--profile", "sandbox");
        assertEquals(0, reuse.exit(), reuse.err());
        Run missing = run("", false, "server-info", "--profile", "nope");
        assertEquals("error: No saved profile named \"nope\".\n", missing.err());
    }

    @Test
    void insecureTlsIsWarnedLoudly() {
        Run insecure = asDba("server-info", "--tls-insecure");
        assertEquals(0, insecure.exit(), insecure.err());
        assertTrue(insecure.err().startsWith("WARNING: --tls-insecure"), insecure.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("", false, "list", "--bogus").exit());
    }
}
