package dev.autouser.core.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each way the audit log can be unwritable is found before anything is written, and named. */
class AuditFileCheckTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(UnwritableAudit.class)
    void checkWritableNamesTheProblem(UnwritableAudit fault) {
        Path file = fault.prepare(dir);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new AuditLog(file).checkWritable());
        assertTrue(e.getMessage().contains("Cannot write the audit log " + file), e.getMessage());
        assertTrue(e.getMessage().contains(fault.reason()), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(UnwritableAudit.class)
    void appendFailsTheSameWayWithoutTouchingADevice(UnwritableAudit fault) {
        Path file = fault.prepare(dir);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new AuditLog(file).append(AuditRecord.now("s", "i", "c", "t", "ok")));
        assertFalse(e.getMessage().isBlank());
        assertTrue(e.getMessage().contains(fault.reason()), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Timeout(value = 30, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void readingALogThatIsADeviceEndsInsteadOfReadingForever() {
        // /dev/full reads zeros without end: before, listing (which settles lost replies) ran out of memory
        Path file = UnwritableAudit.IS_DEV_FULL.prepare(dir);
        assertTrue(new AuditLog(file).readNewestFirst(10).isEmpty());
    }
}
