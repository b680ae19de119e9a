package dev.autouser.core.postgres;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserResult;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link PostgresFacts#permissions()} says about Teleport's admin (LOGIN CREATEROLE, teleport-auto-user
 * WITH ADMIN OPTION) on PostgreSQL 16+, run for real: it may lock and drop the auto-users it created (the
 * creator holds ADMIN OPTION on them), and PostgreSQL refuses it the ones another role created.
 */
class PostgresPermissionsTest {
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);
    private final PostgresTarget target = PostgresTarget.shared();
    private final String mine = "pgp" + RUN + "-created-by-admin";
    private final String theirs = "pgp" + RUN + "-created-by-dba";

    @TempDir
    Path home;

    @AfterEach
    void dropSeeds() {
        target.sql("DROP ROLE IF EXISTS " + SqlText.identifier(mine), "DROP ROLE IF EXISTS " + SqlText.identifier(theirs));
    }

    @Test
    void teleportsAdminLocksAndDropsTheUsersItCreatedAndIsRefusedTheOthers() {
        target.sql("CREATE ROLE " + SqlText.identifier(theirs) + " LOGIN IN ROLE \"teleport-auto-user\"");
        try (PostgresGateway admin = PostgresGateway.connect(target.profileAs(PostgresTarget.TELEPORT_ADMIN), null, null)) {
            // before 16, CREATEROLE alone may alter every non-superuser role: the sentence differs, reported as skipped
            org.junit.jupiter.api.Assumptions.assumeTrue(admin.facts().adminOptionRules(), "PostgreSQL 16+ only");
            assertTrue(admin.facts().permissions().stream().anyMatch(l -> l.startsWith("yes lock and drop auto-users it has"
                    + " ADMIN OPTION on")), admin.facts().permissions().toString());
            admin.execute(SqlCommand.of("postgres", "CREATE ROLE", "create " + mine,
                    "CREATE ROLE " + SqlText.identifier(mine) + " LOGIN IN ROLE \"teleport-auto-user\""));
            PostgresUserActions actions = new PostgresUserActions(admin, new AuditLog(home.resolve("audit.jsonl")));

            CleanupReport report = actions.execute(actions.planFor(CleanupAction.DROP, List.of(mine, theirs)), (r, d, t) -> { });

            UserResult own = report.results().get(0);
            UserResult other = report.results().get(1);
            assertEquals(UserResult.Status.DONE, own.status(), own.detail());
            assertEquals(UserResult.Status.FAILED, other.status(), other.detail());
            assertTrue(other.detail().contains("not allowed") && other.detail().contains("42501"), other.detail());
        }
    }
}
