package dev.autouser.bench;

import dev.autouser.core.audit.AuditLog;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.core.provisioning.CleanupAction;
import dev.autouser.core.provisioning.CleanupPlan;
import dev.autouser.core.provisioning.CleanupReport;
import dev.autouser.core.provisioning.ProgressListener;
import dev.autouser.core.provisioning.UserCleanup;
import dev.autouser.core.provisioning.UserState;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.SandboxServer;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Listing and cleanup figures against the sandbox over TLS + X.509, for N auto-users with some of
 * them connected. Run with {@code scripts/benchmark.sh} (see README); not part of the test suite.
 * Arguments: the user counts (default 1000 10000 100000).
 */
public final class ListingBenchmark {
    private static final int CONNECTED = 20;
    private static final int RUNS = 5;
    private static final int CLEANUP_USERS = 1_000;
    private static final List<String> FIRST = new ArrayList<>();

    private ListingBenchmark() {
    }

    record Row(int users, double listMillis, int roundTrips, double modelMillis, double bestModelMillis, long heapMb,
               long retainedMb,
               int active, int locked) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length == 0 ? List.of(1_000, 10_000, 100_000)
                : Arrays.stream(args).map(Integer::parseInt).toList();
        List<Row> rows = new ArrayList<>();
        double cleanupRate = -1;
        for (int size : sizes) {
            Path pkiDir = Files.createTempDirectory("autouser-bench-pki");
            DevPki pki = DevPki.openOrCreate(pkiDir);
            try (SandboxServer server = SandboxServer.builder().port(0).tls(pki).build().start()) {
                DemoData.Seeded seeded = DemoData.seed(server, pki, new DemoData.Options(DemoData.Seed.EMPTY, size));
                List<MongoGateway> sessions = connectSome(server, pki);
                ConnectionProfile dba = ConnectionProfile.x509(server.connectionString(), pki.caFile(), seeded.dbaFile());
                try (MongoGateway gateway = MongoGateway.connect(dba, null)) {
                    rows.add(measureListing(gateway, size));
                    if (size >= CLEANUP_USERS && cleanupRate < 0) {
                        cleanupRate = measureCleanup(gateway);
                    }
                } finally {
                    sessions.forEach(MongoGateway::close);
                }
            }
            System.err.println("measured " + size + " users");
        }
        print(rows, cleanupRate);
    }

    /** Opens real X.509 sessions as unlocked bulk users (user000001, user000002, user000004, ...). */
    static List<MongoGateway> connectSome(SandboxServer server, DevPki pki) {
        List<MongoGateway> clients = new ArrayList<>();
        for (int i = 1; clients.size() < CONNECTED; i++) {
            if (i % 3 == 0 || i % 7 == 0) {
                continue;
            }
            String name = String.format("user%06d", i);
            Path file = DemoData.userFile(pki, name);
            ConnectionProfile profile = ConnectionProfile.x509(server.connectionString(), pki.caFile(), file);
            MongoGateway session = MongoGateway.connect(profile, null);
            session.run("admin", new Document("ping", 1), "ping");
            clients.add(session);
        }
        return clients;
    }

    private static Row measureListing(MongoGateway gateway, int size) {
        AutoUserLister lister = new AutoUserLister(gateway);
        AutoUserListing first = lister.list(); // warm-up, as a console that refreshes every few seconds has had
        FIRST.add(size + " users: " + first.roundTrips() + " round trips");
        double[] millis = new double[RUNS];
        double[] model = new double[RUNS];
        AutoUserListing listing = null;
        for (int run = 0; run < RUNS; run++) {
            listing = null;
            long started = System.nanoTime();
            listing = lister.list();
            millis[run] = (System.nanoTime() - started) / 1e6;
            model[run] = listing.modelBuildTime().toNanos() / 1e6;
        }
        long before = usedHeap();
        AutoUserListing kept = lister.list();
        long after = usedHeap();
        int active = kept.inState(UserState.ACTIVE).size();
        int locked = kept.inState(UserState.LOCKED).size();
        if (kept.users().size() < size) {
            throw new IllegalStateException("listed " + kept.users().size() + " of " + size + " users");
        }
        return new Row(kept.users().size(), median(millis), listing.roundTrips(), median(model), best(model), after >> 20,
                Math.max(0, after - before) >> 20, active, locked);
    }

    /** Lock → verify → drop for 1,000 stale users, with the same per-batch re-checks as the console. */
    private static double measureCleanup(MongoGateway gateway) throws Exception {
        AutoUserListing listing = new AutoUserLister(gateway).list();
        List<String> stale = listing.users().stream().filter(u -> u.state() != UserState.ACTIVE)
                .map(AutoUser::mongoName).limit(CLEANUP_USERS).toList();
        Path auditDir = Files.createTempDirectory("autouser-bench-audit");
        UserCleanup cleanup = new UserCleanup(gateway, new AuditLog(auditDir.resolve("audit.jsonl")));
        CleanupPlan plan = cleanup.planFor(CleanupAction.DROP, stale);
        CleanupReport report = cleanup.execute(plan, ProgressListener.NONE);
        if (report.done() != stale.size()) {
            throw new IllegalStateException("cleanup: " + report.summary());
        }
        return report.done() / (report.elapsed().toNanos() / 1e9);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double best(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void print(List<Row> rows, double cleanupRate) {
        System.out.println();
        System.out.printf("%-9s %-10s %-12s %-20s %-14s %-15s %-7s %-7s%n", "users", "listing", "round trips",
                "model CPU (best)", "heap used", "listing heap", "active", "locked");
        for (Row row : rows) {
            System.out.printf("%-9d %-10s %-12d %-20s %-14s %-15s %-7d %-7d%n", row.users(),
                    String.format("%.0f ms", row.listMillis()), row.roundTrips(),
                    String.format("%.1f ms (%.1f)", row.modelMillis(), row.bestModelMillis()), row.heapMb() + " MB", row.retainedMb() + " MB",
                    row.active(), row.locked());
        }
        System.out.println();
        System.out.printf("cleanup: %d stale users locked, verified and dropped at %.0f users/s%n",
                CLEANUP_USERS, cleanupRate);
        System.out.println("(listing and model CPU time = median of " + RUNS + " listings over TLS after one warm-up, best"
                + " in brackets; round trips of the last one, which reuses the pages learnt by the previous one;"
                + " heap used includes the in-process sandbox; listing heap = retained by one listing model)");
        System.out.println("first listing (pages discovered from scratch): " + FIRST.toString());
    }
}
