package dev.autouser.core.audit;

import java.nio.file.Path;

/** A separate writer process for the concurrency test: appends N records to the log given. */
public final class AuditWriterProcess {
    private AuditWriterProcess() {
    }

    public static void main(String[] args) {
        AuditLog log = new AuditLog(Path.of(args[0]), Origin.current(Channel.CLI), Long.parseLong(args[3])).inRun(args[1]);
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            log.append(AuditRecord.now("db1:27017", "CN=dba@$external", "lock CN=" + args[1] + "-" + i,
                    "CN=" + args[1] + "-" + i, "ok"));
        }
    }
}
