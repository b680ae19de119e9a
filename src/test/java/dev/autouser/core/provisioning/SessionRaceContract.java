package dev.autouser.core.provisioning;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.testsupport.MongoTarget;
import dev.autouser.testsupport.SeededContract;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The narrowest race: a session authenticates after the last re-check but before the lock (a lock
 * does not end sessions). The verify step after locking must see it, leave the user, and put its
 * roles and restrictions back.
 */
abstract class SessionRaceContract extends SeededContract {
    @TempDir
    Path dir;

    @Test
    void sessionThatSlipsInBeforeTheLockStopsTheDropAndTheLockIsUndone() {
        String racer = seeds.autoUser("racer", false, "read@db1", "readWrite@db2");
        String calm = seeds.autoUser("calm", false);
        try (MongoGateway dba = seeds.gatewayAs(MongoTarget.DBA)) {
            UserCleanup cleanup = new UserCleanup(dba, new AuditLog(dir.resolve("audit.jsonl")),
                    () -> seeds.connect(racer, "slipped-in"));
            CleanupReport report = cleanup.drop(List.of(racer, calm), ProgressListener.NONE);
            UserResult raced = report.results().stream().filter(r -> r.mongoName().equals("CN=" + racer))
                    .findFirst().orElseThrow();
            assertEquals(UserResult.Status.SKIPPED, raced.status());
            assertTrue(raced.detail().contains("lock undone"), raced.detail());
            Document user = seeds.userInfo(racer);
            assertEquals(2, user.getList("roles", Document.class).size());
            assertTrue(user.getList("authenticationRestrictions", Document.class).isEmpty());
            assertTrue(!seeds.exists(calm));
        }
    }
}
