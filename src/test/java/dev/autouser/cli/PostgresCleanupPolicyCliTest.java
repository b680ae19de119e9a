package dev.autouser.cli;

import dev.autouser.core.postgres.SqlText;
import dev.autouser.testsupport.PostgresAutoUsers;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cleanup} by policy with a postgresql:// URI: the ages come from that server's own PostgreSQL history. */
class PostgresCleanupPolicyCliTest {
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);
    private final PostgresTarget target = PostgresTarget.shared();
    private final List<String> created = new ArrayList<>();

    @TempDir
    Path home;

    @AfterEach
    void dropSeeds() {
        target.dropRoles(created);
    }

    @Test
    void theDefaultPolicyLocksARoleNotCleanedUpForHoursAndDropsOneLockedForWeeksByThisServersHistory() throws Exception {
        String idle = autoUser("idle", true);
        String old = autoUser("old", false);
        String fresh = autoUser("fresh", true);
        PostgresAutoUsers.historyOfAnIdleAndALongLockedUser(home.resolve("data").resolve("history.db"), idle, old);

        CliRun dry = CliRun.runIn(home, false, "", "cleanup", "--dry-run", "--uri", target.psqlUri(PostgresTarget.DBA));
        assertThat(dry.out()).as(dry.toString())
                .contains("Policy: lock: not cleaned up for more than 60 min; drop: locked for more than 30 d and not active for 30 d")
                .contains("ALTER ROLE " + SqlText.identifier(idle) + " NOLOGIN;")
                .contains("DROP ROLE " + SqlText.identifier(old) + ";")
                .contains("Dry run: nothing was changed.")
                .doesNotContain("Server log:");
        assertThat(target.canLogin(idle)).isTrue();

        CliRun run = CliRun.runIn(home, false, "", "cleanup", "--yes", "--uri", target.psqlUri(PostgresTarget.DBA));
        // the shared server may hold other tests' auto-users, whose age this history does not know (exit 3)
        assertThat(run.code()).as(run.toString()).isIn(AutoUserCommand.OK, CleanupCommand.NEEDS_ATTENTION);
        assertThat(run.out()).contains(idle + ": locked (NOLOGIN, roles revoked), verified without session")
                .contains(old + ": dropped; locked and verified without session first");
        assertThat(target.canLogin(idle)).isFalse();
        assertThat(target.roleExists(old)).isFalse();
        assertThat(target.canLogin(fresh)).as("first seen now: its age is unknown, so it is never taken").isTrue();
    }


    @Test
    void teleportsAuditOfPostgresSessionsGoesIntoThisServersPostgresHistoryAndThePolicyReadsIt() throws Exception {
        String locked = autoUser("imported", false);
        Instant lastSession = Instant.now().minus(Duration.ofDays(45));
        Path events = home.resolve("events.log");
        java.nio.file.Files.writeString(events, event(locked, "postgres", lastSession) + event(locked, "mongodb", Instant.now()));

        CliRun imported = CliRun.runIn(home, false, "", "evidence", "import-teleport", events.toString(),
                "--server", "postgresql://localhost:" + target.port() + "/postgres");
        assertThat(imported.code()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("  " + locked + ": last session " + lastSession).doesNotContain("CN=" + locked);

        CliRun plan = CliRun.runIn(home, false, "", "cleanup", "--dry-run", "--report", "-", "--uri",
                target.psqlUri(PostgresTarget.DBA));
        com.fasterxml.jackson.databind.JsonNode mine = null;
        for (var user : new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan.out()).path("users")) {
            mine = user.path("user").asText().equals(locked) ? user : mine;
        }
        assertThat(mine).as(plan.toString()).isNotNull();
        assertThat(mine.path("reason").asText()).contains("last active 45 d ago (Teleport audit)");
        assertThat(target.roleExists(locked)).isTrue();
    }

    /** A session-end event of Teleport's audit log (file backend) for {@code user} on a database of {@code protocol}. */
    private static String event(String user, String protocol, Instant at) {
        return "{\"ei\":1,\"event\":\"db.session.end\",\"code\":\"TDB01I\",\"time\":\"" + at + "\",\"user\":\"" + user
                + "\",\"sid\":\"s-" + protocol + "\",\"db_service\":\"" + protocol + "-prod\",\"db_protocol\":\"" + protocol
                + "\",\"db_uri\":\"localhost:5432\",\"db_user\":\"" + user + "\"}\n";
    }

    private String autoUser(String base, boolean login) {
        String name = "pgpol" + RUN + "-" + base;
        created.add(name);
        target.sql("CREATE ROLE " + SqlText.identifier(name) + (login ? " LOGIN" : " NOLOGIN") + " IN ROLE \"teleport-auto-user\"");
        return name;
    }



}
