package dev.autouser.bench;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.audit.AuditTrail;
import dev.autouser.core.audit.Channel;
import dev.autouser.core.audit.Origin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Cost of auditing one change (intent record, the change, outcome record) as a cleanup of many
 * users pays it, on the disk the data folder is on: {@code users} changes through one
 * {@link AuditTrail}, then the chain is verified. Prints milliseconds per record (median of rounds).
 * A plain trail forces every record; a grouped one (what a cleanup uses) forces each intent, and
 * the outcomes with it. usage: AuditAppendBenchmark [folder (default target/audit-bench)]
 * [users (default 500)] [rounds (default 5)] [plain: only the plain trail, e.g. against older classes]
 * Not a test: surefire excludes *Benchmark.
 */
public final class AuditAppendBenchmark {
    /** Kept apart so that the plain mode runs against classes from before grouped trails existed. */
    private static final class Grouping {
        static AuditTrail of(AuditTrail plain) {
            return plain.grouped();
        }

        static void sync(AuditTrail trail) {
            trail.sync();
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/audit-bench");
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean plainOnly = args.length > 3 && args[3].equals("plain");
        java.util.Map<Boolean, double[]> perRecordBy = new java.util.TreeMap<>();
        perRecordBy.put(false, new double[rounds]);
        perRecordBy.put(true, new double[rounds]);
        // Interleaved: every round runs a plain trail (each record forced) and a grouped one.
        for (int step = -2; step < 2 * rounds; step++) {
            int round = step < 0 ? -1 : step / 2;
            boolean grouped = Math.floorMod(step, 2) == 1;
            double[] perRecord = perRecordBy.get(grouped);
            if (grouped && plainOnly) {
                continue;
            }
            Path dir = Files.createDirectories(folder.resolve("round" + round));
            Path file = dir.resolve("audit.jsonl");
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve("audit.jsonl.head"));
            AuditLog log = new AuditLog(file, Origin.current(Channel.CLI)).inRun("drop " + users + " users");
            AuditTrail plain = new AuditTrail(log, "localhost:27017", "CN=dba");
            AuditTrail trail = grouped ? Grouping.of(plain) : plain;
            long start = System.nanoTime();
            for (int i = 0; i < users; i++) {
                String name = "CN=user" + i;
                trail.change("db.getSiblingDB(\"$external\").dropUser(\"" + name + "\")", name, () -> "dropped", r -> "ok: " + r);
            }
            if (grouped) {
                Grouping.sync(trail);
            }
            long elapsed = System.nanoTime() - start;
            if (!log.verify().intact()) {
                throw new AssertionError("chain broken: " + log.verify());
            }
            if (round >= 0) {
                perRecord[round] = elapsed / 1e6 / (2.0 * users);
            }
        }
        for (var entry : perRecordBy.entrySet()) {
            if (entry.getKey() && plainOnly) {
                continue;
            }
            double[] perRecord = entry.getValue();
            Arrays.sort(perRecord);
            System.out.printf("audit %s: %d changes (%d records) per round, %d rounds: median %.3f ms per record, best %.3f ms%n",
                    entry.getKey() ? "grouped" : "plain  ", users, 2 * users, rounds, perRecord[rounds / 2], perRecord[0]);
        }
        System.out.printf("load average %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
