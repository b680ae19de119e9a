package dev.autouser.bench;

import dev.autouser.core.history.HistoryStore;
import dev.autouser.core.history.ServerName;
import dev.autouser.core.history.UserKey;
import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.provisioning.AutoUser;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.SandboxServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17's benchmark end to end: {@code autouser list --json} (a whole process, as a DBA runs it) of N auto-users
 * with a usage history of those N users x 30 days, against the same listing with {@code --no-history}, interleaved
 * round by round (ABBA) so the machine's load hits both alike. Per run: wall time, CPU time (user + system, from
 * {@code /usr/bin/time}), peak RSS, the load average, and the CLI's own "history N ms after the listing" line.
 * Also the store's size, and in-process what one listing costs the store (record, then read every user's evidence).
 * Usage (see scripts/bench-history.sh): {@code HistoryListingBenchmark JAR USERS ROUNDS}.
 */
public final class HistoryListingBenchmark {
    private HistoryListingBenchmark() {
    }

    private record Run(double wall, double cpu, long rssMb, String load, String historyLine, int users, int withEvidence) {
    }

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "target/autouser.jar";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Path work = Files.createTempDirectory("history-listing-bench");
        DevPki pki = DevPki.openOrCreate(work.resolve("pki"));
        try (SandboxServer server = SandboxServer.builder().port(0).tls(pki).build().start()) {
            DemoData.Seeded seeded = DemoData.seed(server, pki, new DemoData.Options(DemoData.Seed.EMPTY, size));
            List<MongoGateway> sessions = ListingBenchmark.connectSome(server, pki);
            ConnectionProfile dba = ConnectionProfile.x509(server.connectionString(), pki.caFile(), seeded.dbaFile());
            List<String> names;
            try (MongoGateway gateway = MongoGateway.connect(dba, null)) {
                names = new AutoUserLister(gateway).list().users().stream().map(AutoUser::mongoName).sorted().toList();
            }
            Path withHome = work.resolve("with-history");
            Path withoutHome = work.resolve("without-history");
            Path historyFile = withHome.resolve("data").resolve("history.db");
            String historyServer = ServerName.fromUri(server.connectionString());
            long seeding = System.nanoTime();
            try (HistoryStore store = HistoryStore.open(historyFile)) {
                HistoryBenchmark.seed(store, historyServer, names, Instant.now().minusSeconds(60));
                System.out.printf("history: %d users x 30 days (hourly listings) seeded in %d s: %,d changes, %.1f MiB on disk%n",
                        names.size(), (System.nanoTime() - seeding) / 1_000_000_000, store.transitionCount(),
                        store.sizeOnDisk() / 1024.0 / 1024.0);
                inProcess(store, historyServer, names);
            }
            List<String> cli = new ArrayList<>(List.of("java", "-jar", jar, "list", "--json", "--timings", "--timeout", "60", "--uri",
                    server.connectionString(), "--tls-ca", pki.caFile().toString(), "--tls-cert", seeded.dbaFile().toString()));
            List<String> without = new ArrayList<>(cli);
            without.add("--no-history");
            System.out.printf("%,d auto-users (%d connected), %d rounds of `list --json` with and without history (ABBA),"
                    + " load average %s%n", names.size(), sessions.size(), rounds, loadAverage());
            // one of each first: the day's retention pass and the page cache go to the warm-up, not to a round
            run(cli, withHome, work);
            run(without, withoutHome, work);
            List<Run> withRuns = new ArrayList<>();
            List<Run> withoutRuns = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                boolean withFirst = round % 2 == 1;
                Run first = run(withFirst ? cli : without, withFirst ? withHome : withoutHome, work);
                Run second = run(withFirst ? without : cli, withFirst ? withoutHome : withHome, work);
                Run with = withFirst ? first : second;
                Run none = withFirst ? second : first;
                withRuns.add(with);
                withoutRuns.add(none);
                System.out.printf("round %d (%s first): with history %.2f s wall, %.2f s CPU, %d MB RSS (%s; %,d of %,d users"
                                + " with evidence) | without %.2f s wall, %.2f s CPU, %d MB RSS | load %s%n", round,
                        withFirst ? "with" : "without", with.wall, with.cpu, with.rssMb, with.historyLine, with.withEvidence,
                        with.users, none.wall, none.cpu, none.rssMb, second.load);
                if (with.users != names.size() || none.users != names.size() || with.withEvidence < names.size() / 2
                        || none.withEvidence != 0) {
                    throw new IllegalStateException("unexpected output: " + with + " / " + none);
                }
            }
            summary(withRuns, withoutRuns);
            try (HistoryStore store = HistoryStore.open(historyFile)) {
                System.out.printf("history after the rounds: %,d changes, %.1f MiB on disk; load average %s%n",
                        store.transitionCount(), store.sizeOnDisk() / 1024.0 / 1024.0, loadAverage());
            }
            sessions.forEach(MongoGateway::close);
        }
        System.exit(0);
    }

    /**
     * What one listing costs the store itself, interleaved: recording it and then reading every user's evidence (two
     * passes over the users, as before) against {@link HistoryStore#recordAndRead} (one pass, then the touched users).
     */
    private static void inProcess(HistoryStore store, String server, List<String> names) {
        int listings = 16;
        double[] record = new double[listings / 2];
        double[] read = new double[listings / 2];
        double[] onePass = new double[listings / 2];
        Instant at = Instant.now();
        for (int i = 0; i < listings; i++) {
            at = at.plusSeconds(5);
            var listing = HistoryBenchmark.listing(server, names, at);
            long t0 = System.nanoTime();
            if (i % 2 == 0) {
                store.record(listing);
                long t1 = System.nanoTime();
                store.evidence(server, UserKey.MONGODB);
                record[i / 2] = (t1 - t0) / 1e6;
                read[i / 2] = (System.nanoTime() - t1) / 1e6;
            } else {
                store.recordAndRead(listing);
                onePass[i / 2] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf("in process, per listing of %,d users (interleaved): record %.0f ms + read evidence %.0f ms"
                        + " (medians; best %.0f + %.0f) against one pass %.0f ms (best %.0f); load average %s%n",
                names.size(), median(record), median(read), best(record), best(read), median(onePass), best(onePass),
                loadAverage());
    }

    private static void summary(List<Run> with, List<Run> without) {
        double[] wallWith = with.stream().mapToDouble(Run::wall).toArray();
        double[] wallWithout = without.stream().mapToDouble(Run::wall).toArray();
        double[] cpuWith = with.stream().mapToDouble(Run::cpu).toArray();
        double[] cpuWithout = without.stream().mapToDouble(Run::cpu).toArray();
        double[] wallDiff = new double[with.size()];
        double[] cpuDiff = new double[with.size()];
        for (int i = 0; i < with.size(); i++) {
            wallDiff[i] = wallWith[i] - wallWithout[i];
            cpuDiff[i] = cpuWith[i] - cpuWithout[i];
        }
        System.out.printf("median wall: with history %.2f s, without %.2f s; per round, with minus without: median %+.2f s"
                        + " (%+.0f %%), range %+.2f to %+.2f s%n", median(wallWith), median(wallWithout), median(wallDiff),
                100 * median(wallDiff) / median(wallWithout), Arrays.stream(wallDiff).min().orElse(0),
                Arrays.stream(wallDiff).max().orElse(0));
        System.out.printf("median CPU:  with history %.2f s, without %.2f s; per round, with minus without: median %+.2f s"
                        + " (%+.0f %%), range %+.2f to %+.2f s%n", median(cpuWith), median(cpuWithout), median(cpuDiff),
                100 * median(cpuDiff) / median(cpuWithout), Arrays.stream(cpuDiff).min().orElse(0),
                Arrays.stream(cpuDiff).max().orElse(0));
    }

    private static Run run(List<String> command, Path home, Path work) throws IOException, InterruptedException {
        Path timeFile = Files.createTempFile(work, "time", ".txt");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed);
        builder.environment().put("AUTOUSER_HOME", home.toString());
        Path errFile = Files.createTempFile(work, "err", ".txt");
        builder.redirectError(errFile.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("list failed: " + Files.readString(errFile));
        }
        String[] time = Files.readString(timeFile).trim().split("\\s+");
        String historyLine = Files.readAllLines(errFile).stream().filter(l -> l.startsWith("timings: history"))
                .findFirst().orElse("no history line").replace("timings: ", "");
        int users = out.split("\"engine\" : \"mongodb\"", -1).length - 1;
        int withEvidence = out.split("\"firstSeen\" : \"", -1).length - 1;
        return new Run(Double.parseDouble(time[0]), Double.parseDouble(time[1]) + Double.parseDouble(time[2]),
                Long.parseLong(time[3]) / 1024, loadAverage(), historyLine, users, withEvidence);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double best(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
