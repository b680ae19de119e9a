package dev.autouser.ui.audit;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditRecord;
import dev.autouser.ui.support.FxExecutors;
import dev.autouser.ui.support.RecordingDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditViewModelTest {
    @TempDir
    Path dir;

    @Test
    void showsNewestFirstAndFiltersAcrossFields() {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        log.append(new AuditRecord(Instant.parse("2026-01-01T10:00:00Z"), "ops", "db1:27017", "CN=dba@$external",
                "updateUser CN=alice", "CN=alice", "ok"));
        log.append(new AuditRecord(Instant.parse("2026-01-01T11:00:00Z"), "ops", "db1:27017", "CN=dba@$external",
                "dropUser CN=bob", "CN=bob", "skipped: has 1 live connection"));
        AuditViewModel model = new AuditViewModel(log, new RecordingDialogs(), FxExecutors.direct());

        model.refresh();
        assertEquals(List.of("CN=bob", "CN=alice"), targets(model));

        model.filterProperty().set("SKIPPED");
        assertEquals(List.of("CN=bob"), targets(model));
        assertEquals("1 of 2 records match", model.summaryProperty().get());
    }

    private static List<String> targets(AuditViewModel model) {
        return model.visibleRecords().stream().map(AuditRecord::targetUser).toList();
    }
}
