package dev.autouser.core.engine.mongo;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.engine.Engine;
import dev.autouser.core.engine.TeleportProvisioning.SessionOutcome;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine interface over MongoDB does what the MongoDB classes do, against the TLS sandbox. */
class MongoEngineSandboxTest extends SeededContract {
    @TempDir
    Path home;

    @Override
    protected MongoTarget target() {
        return MongoTarget.sandbox();
    }

    @Test
    void listsLocksAndProvisionsThroughTheEngineInterface() {
        String idle = seeds.autoUser("engine-idle", false, "read@db1");
        String fresh = dev.autouser.testsupport.Seeds.unique("engine-new");
        seeds.track(fresh);
        AuditLog audit = new AuditLog(home.resolve("audit.jsonl"));
        try (MongoEngine engine = new MongoEngine(seeds.gatewayAs(MongoTarget.DBA))) {
            assertEquals(Engine.MONGODB, engine.engine());
            AutoUser listed = engine.list().find("CN=" + idle).orElseThrow();
            assertEquals(UserState.NOT_CLEANED_UP, listed.state());
            assertEquals("read@db1", listed.roles().get(0).toString());

            CleanupPlan plan = engine.actions(audit).planFor(CleanupAction.LOCK, List.of(idle));
            CleanupReport report = engine.actions(audit).execute(plan, (result, done, total) -> { });
            assertEquals(1, report.done(), report.summary());
            assertEquals(UserState.LOCKED, engine.list().find("CN=" + idle).orElseThrow().state());

            assertEquals(SessionOutcome.CREATED, engine.teleport(audit).activate(fresh, List.of("read@db1")));
            assertEquals(SessionOutcome.LOCKED, engine.teleport(audit).deactivate(fresh));
            assertTrue(engine.permissions().stream().allMatch(line -> line.startsWith("yes ")), engine.permissions().toString());
        }
    }
}
