package dev.autouser.core.postgres;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.core.engine.TeleportProvisioning;
import dev.autouser.core.engine.TeleportProvisioning.SessionOutcome;
import dev.autouser.core.ConsoleException;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.testsupport.PostgresTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's Teleport session start/end on PostgreSQL: Teleport's own procedures, through the console, audited. */
class PostgresTeleportProvisioningTest {
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);
    private final PostgresTarget target = PostgresTarget.shared();
    private final String alice = "pgt" + RUN + "-alice";
    private final String owner = "pgt" + RUN + "-owner";
    private final String human = "pgt" + RUN + "-human";

    @TempDir
    Path home;

    @AfterEach
    void dropSeeds() {
        for (String role : List.of(alice, owner, human)) {
            String id = SqlText.identifier(role);
            target.sql("DO $$BEGIN IF to_regrole(" + SqlText.literal(id) + ") IS NOT NULL THEN REASSIGN OWNED BY " + id
                    + " TO dba; DROP OWNED BY " + id + "; DROP ROLE " + id + "; END IF; END$$");
        }
    }

    @Test
    void sessionStartAndEndAsTeleportDoesThemWithItsRefusals() throws Exception {
        target.sql("DO $$BEGIN IF to_regrole('pgc_reader') IS NULL THEN CREATE ROLE pgc_reader; END IF; END$$",
                "DO $$BEGIN IF to_regrole('pgc_writer') IS NULL THEN CREATE ROLE pgc_writer; END IF; END$$",
                "CREATE ROLE " + SqlText.identifier(human) + " LOGIN");
        AuditLog audit = new AuditLog(home.resolve("audit.jsonl"));
        try (PostgresEngine engine = new PostgresEngine(PostgresGateway.connect(target.profileAs(PostgresTarget.DBA), null, null),
                dev.autouser.core.postgres.teleport.PostgresTeleportProvisioning::new)) {
            TeleportProvisioning teleport = engine.teleport(audit);
            assertEquals(SessionOutcome.CREATED, teleport.activate(alice, List.of("pgc_reader")));
            AutoUser created = engine.list().find(alice).orElseThrow();
            assertEquals("pgc_reader", created.roles().get(0).toString());

            try (Connection session = target.sessionAs(alice, "postgres", "psql")) {
                assertEquals(SessionOutcome.UNCHANGED_ACTIVE, teleport.activate(alice, List.of("pgc_reader")));
                ConsoleException changed = assertThrows(ConsoleException.class,
                        () -> teleport.activate(alice, List.of("pgc_writer")));
                assertTrue(changed.getMessage().contains("roles") , changed.getMessage());
                assertEquals(SessionOutcome.SKIPPED_ACTIVE, teleport.deactivate(alice));
            }
            assertEquals(SessionOutcome.LOCKED, teleport.deactivate(alice));
            assertEquals(UserState.LOCKED, engine.list().find(alice).orElseThrow().state());
            assertTrue(engine.list().find(alice).orElseThrow().roles().isEmpty());
            assertEquals(SessionOutcome.DROPPED, teleport.delete(alice));

            teleport.activate(owner, List.of());
            target.sql("CREATE TABLE " + SqlText.identifier(owner + "_t") + " (id int)",
                    "ALTER TABLE " + SqlText.identifier(owner + "_t") + " OWNER TO " + SqlText.identifier(owner));
            assertEquals(SessionOutcome.LOCKED_INSTEAD_OF_DROP, teleport.delete(owner));

            ConsoleException refused = assertThrows(ConsoleException.class, () -> teleport.delete(human));
            assertTrue(refused.getMessage().contains("not managed by Teleport"), refused.getMessage());
            ConsoleException conflict = assertThrows(ConsoleException.class, () -> teleport.activate(human, List.of()));
            assertTrue(conflict.getMessage().contains("not managed by Teleport"), conflict.getMessage());
        }
        List<AuditRecord> records = audit.readNewestFirst(50);
        assertTrue(records.stream().anyMatch(r -> r.command().startsWith("CALL pg_temp.teleport_delete_user(")
                && r.result().equals("ok: dropped")), records.toString());
        assertTrue(records.stream().anyMatch(r -> r.targetUser().equals(human) && r.result().startsWith("refused: ")),
                records.toString());
    }
}
