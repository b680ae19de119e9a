package dev.autouser.bench;

import dev.autouser.core.postgres.PostgresLister;
import dev.autouser.testsupport.PostgresTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * N PostgreSQL auto-users listed by the CLI ({@code autouser list --json}, a whole process) next to psql
 * running the hand-written query that gives the same answer (the console's own listing query, which a DBA
 * can paste), interleaved round by round so the machine's load hits both alike. Real embedded PostgreSQL
 * 17.6 over TLS with client certificates for both tools. Usage (see scripts/bench-postgres.sh):
 * {@code PostgresListingBenchmark JAR USERS ROUNDS}.
 */
public final class PostgresListingBenchmark {
    private static List<Connection> held;

    private PostgresListingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--serve")) {
            serve(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
            return;
        }
        String jar = args.length > 0 ? args[0] : "target/autouser.jar";
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        PostgresTarget target = PostgresTarget.shared();
        seed(target, users);
        List<Connection> sessions = connect(target);
        String uri = uri(target);
        Path query = Files.createTempFile("list", ".sql");
        Files.writeString(query, PostgresLister.SQL + ";\n");
        List<String> cli = List.of("java", "-jar", jar, "list", "--json", "--uri", uri);
        // the JVM options the README recommends for scripted CLI use: the jar's CDS archive, C1 only, serial GC
        Path archive = Path.of(jar).resolveSibling("autouser.jsa");
        List<String> tuned = List.of("java", "-XX:SharedArchiveFile=" + archive, "-Xlog:disable", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar, "list", "--json", "--uri", uri);
        List<String> psql = List.of("psql", uri, "-X", "-A", "-t", "-q", "-f", query.toString());
        System.out.printf("PostgreSQL %s, %d auto-users (20 connected), %d rounds, load average %s%n",
                version(target), users, rounds, loadAverage());
        long[] tunedTimes = new long[rounds];
        long[] cliTimes = new long[rounds];
        long[] psqlTimes = new long[rounds];
        String cliRoundTrips = roundTrips(jar, uri);
        for (int round = 0; round < rounds; round++) {
            Result a = run(cli);
            Result t = run(tuned);
            Result b = run(psql);
            tunedTimes[round] = t.millis;
            cliTimes[round] = a.millis;
            psqlTimes[round] = b.millis;
            long cliUsers = a.out.split("\"engine\" : \"postgresql\"", -1).length - 1;
            long psqlRows = b.out.lines().filter(l -> !l.isBlank()).count();
            System.out.printf("round %d: cli %d ms (%d users), cli tuned %d ms, psql %d ms (%d rows)%n", round + 1, a.millis,
                    cliUsers, t.millis, b.millis, psqlRows);
            if (cliUsers != psqlRows || t.out.split("\"engine\" : \"postgresql\"", -1).length - 1 != psqlRows) {
                throw new IllegalStateException("the tools disagree: " + cliUsers + " vs " + psqlRows);
            }
        }
        System.out.printf("cli  list --json: median %d ms, best %d ms, %s%n", median(cliTimes), min(cliTimes), cliRoundTrips);
        System.out.printf("cli  tuned (CDS, C1, serial GC): median %d ms, best %d ms%n", median(tunedTimes), min(tunedTimes));
        System.out.printf("psql same query:  median %d ms, best %d ms, 1 query%n", median(psqlTimes), min(psqlTimes));
        System.out.printf("load average after: %s%n", loadAverage());
        for (Connection session : sessions) {
            session.close();
        }
        System.exit(0);
    }

    /** {@code --serve USERS}: the same seeded server, left running for profiling a single CLI run by hand. */
    private static void serve(int users) throws Exception {
        PostgresTarget target = PostgresTarget.shared();
        seed(target, users);
        held = connect(target); // kept reachable: the driver closes connections that are garbage
        System.out.println("ready " + uri(target));
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void seed(PostgresTarget target, int users) {
        target.sql("DO $$BEGIN IF to_regrole('bench_reader') IS NULL THEN CREATE ROLE bench_reader; END IF; END$$",
                "DO $$BEGIN FOR i IN 1.." + users + " LOOP"
                        + " IF to_regrole('\"bench-' || i || '\"') IS NULL THEN"
                        + " EXECUTE format('CREATE ROLE %I ' || CASE WHEN i % 3 = 0 THEN 'NOLOGIN' ELSE 'LOGIN' END"
                        + " || ' IN ROLE \"teleport-auto-user\"', 'bench-' || i);"
                        + " IF i % 3 <> 0 THEN EXECUTE format('GRANT bench_reader TO %I', 'bench-' || i); END IF;"
                        + " END IF; END LOOP; END$$");
    }

    /** 20 connected auto-users (every third user is NOLOGIN, so those are skipped). */
    private static List<Connection> connect(PostgresTarget target) throws SQLException {
        List<Connection> sessions = new ArrayList<>();
        for (int i = 1; sessions.size() < 20; i++) {
            if (i % 3 != 0) {
                sessions.add(target.sessionAs("bench-" + i, "postgres", "bench-session"));
            }
        }
        return sessions;
    }

    private static String uri(PostgresTarget target) {
        return target.psqlUri(PostgresTarget.DBA);
    }

    private static String roundTrips(String jar, String uri) throws IOException, InterruptedException {
        Result table = run(List.of("java", "-jar", jar, "list", "--state", "active", "--uri", uri));
        return table.out.lines().filter(l -> l.contains("round trips")).findFirst().map(String::trim).orElse("?");
    }

    private record Result(long millis, String out) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + err);
        }
        return new Result((System.nanoTime() - started) / 1_000_000, new String(out, StandardCharsets.UTF_8));
    }

    private static String version(PostgresTarget target) throws SQLException {
        try (Connection c = target.admin(); var s = c.createStatement(); var r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }
}
