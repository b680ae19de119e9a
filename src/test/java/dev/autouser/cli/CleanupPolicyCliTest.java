package dev.autouser.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.Seeds;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: the default cleanup is conservative; a policy file; a JSON report; exit codes for monitoring. */
class CleanupPolicyCliTest {
    private final MongoTarget target = MongoTarget.sandbox();
    private final Seeds seeds = new Seeds(target);

    @AfterEach
    void cleanUp() {
        seeds.dropAll();
    }

    @Test
    void defaultCleanupNeverTakesAUserWhoseAgeIsUnknown() {
        String idle = seeds.autoUser("idle", false, "readWrite@db1");
        String locked = seeds.autoUser("locked", true);

        CliRun run = CliRun.as(target, "dba", "cleanup", "--yes");

        assertThat(run.out()).contains("Policy: lock: not cleaned up for more than 60 min; drop: locked for more than 30 d and not active for 30 d")
                .contains("Age unknown (not in the plan)")
                .contains("CN=" + idle + ": not cleaned up for at least 0 min (since the console first saw it; how long before is unknown)")
                .contains("CN=" + locked + ": locked for at least 0 min (since the console first saw it")
                .contains("Nothing to clean up by this policy.");
        assertThat(run.code()).as(run.toString()).isEqualTo(CleanupCommand.NEEDS_ATTENTION);
        assertThat(seeds.exists(locked)).isTrue();
        assertThat(seeds.userInfo(idle).getList("authenticationRestrictions", Document.class, List.of())).isEmpty();
    }

    @Test
    void aBadPolicyFileIsOneSentenceWithItsLineAndNothingChanges() {
        String locked = seeds.autoUser("locked", true);
        java.nio.file.Path policy = CliRun.file("version: 1\ndrop:\n  locked-for: 3 weeks\n  not-active-for: 30d\n");

        CliRun run = CliRun.as(target, "dba", "cleanup", "--policy", policy.toString(), "--yes");

        assertThat(run.code()).isEqualTo(AutoUserCommand.USAGE_OR_CONNECTION);
        assertThat(run.err()).isEqualTo("error: " + policy + " line 3, drop.locked-for: '3 weeks' is not an age (write e.g. 45m, 12h or 30d).\n");
        assertThat(seeds.exists(locked)).isTrue();
    }

    @Test
    void theJsonReportListsEveryUserWithVerdictReasonAndExitCode() throws Exception {
        String idle = seeds.autoUser("idle", false, "readWrite@db1");
        java.nio.file.Path policy = CliRun.file("version: 1\nlock:\n  not-cleaned-up-for: 15m\ndrop: off\n");

        CliRun run = CliRun.as(target, "dba", "cleanup", "--policy", policy.toString(), "--dry-run", "--report", "-");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("policy").path("lockNotCleanedUpAfterMinutes").asLong()).isEqualTo(15);
        assertThat(report.path("policy").path("dropLockedAfterMinutes").isNull()).isTrue();
        JsonNode mine = null;
        for (JsonNode user : report.path("users")) {
            if (user.path("user").asText().equals("CN=" + idle)) {
                mine = user;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("verdict").asText()).isEqualTo("unknown-age");
        assertThat(report.path("exitCode").asInt()).isEqualTo(run.code()).isEqualTo(CleanupCommand.NEEDS_ATTENTION);
    }

    @Test
    void policyAndStateFlagsTogetherAreAUsageError() {
        CliRun run = CliRun.as(target, "dba", "cleanup", "--policy", "p.yaml", "--locked-only");

        assertThat(run.code()).isEqualTo(AutoUserCommand.USAGE_OR_CONNECTION);
        assertThat(run.err()).contains("Choose --policy or --locked-only/--not-cleaned-up-only");
    }

    @Test
    void aPolicyRunReadsTheServersLogIntoTheHistory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws Exception {
        String connected = seeds.autoUser("logged", false, "readWrite@db1");
        seeds.connect(connected, "mongosh");

        CliRun run = CliRun.asIn(home, target, "dba", "cleanup", "--dry-run");

        assertThat(run.out()).containsPattern("Server log: the last authentication of \\d+ users read \\(log id 5286306\\)\\.");
        try (dev.autouser.core.history.HistoryStore store = dev.autouser.core.history.HistoryStore.open(
                home.resolve("data").resolve("history.db"))) {
            var evidence = store.evidence(dev.autouser.core.history.ServerName.fromUri(target.uri()),
                    dev.autouser.core.history.UserKey.MONGODB).get("CN=" + connected);
            assertThat(evidence.lastActive()).containsKey(dev.autouser.core.history.EvidenceSource.SERVER_LOG);
        }
    }
}
