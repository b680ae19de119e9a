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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * N PostgreSQL auto-users listed by the CLI ({@code autouser list --json}, a whole process) next to psql
 * running the hand-written query that gives the same answer (the console's own listing query, which a DBA
 * can paste), interleaved round by round so the machine's load hits both alike. Real embedded PostgreSQL
 * 17.6 over TLS with client certificates for both tools, wall and CPU time of each whole process and the
 * load average per round. Usage (see scripts/bench-postgres.sh): {@code PostgresListingBenchmark JAR USERS
 * ROUNDS [BASELINE_JAR]} (a second build, e.g. main's before a change, timed in the same rounds), or
 * {@code PostgresListingBenchmark --serve USERS} to leave the seeded server running (its URI printed) for
 * profiling one CLI run by hand.
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
        String baseline = args.length > 3 ? args[3] : null;
        PostgresTarget target = PostgresTarget.shared();
        seed(target, users);
        List<Connection> sessions = connect(target);
        String uri = uri(target);
        Path query = Files.createTempFile("list", ".sql");
        Files.writeString(query, PostgresLister.SQL + ";\n");
        Path homes = Files.createTempDirectory("pg-bench-homes");
        List<Tool> tools = new ArrayList<>();
        tools.add(Tool.cli("autouser list --json, the installed launcher's JVM options", jar, LAUNCHER_OPTIONS, uri, homes));
        tools.add(Tool.cli("java -jar autouser.jar list --json, JVM defaults", jar, List.of(), uri, homes));
        if (baseline != null) {
            tools.add(Tool.cli("BASELINE " + baseline + ", the launcher's options", baseline, LAUNCHER_OPTIONS, uri, homes));
        }
        tools.add(new Tool("psql -f list.sql (the console's own query)", List.of("psql", uri, "-X", "-A", "-t", "-q", "-f",
                query.toString()), Map.of()));
        System.out.printf("PostgreSQL %s, %d auto-users (20 connected), %d rounds, %d cores, load average %s at start%n",
                version(target), users, rounds, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println("CPU time is user + system of the whole process (/usr/bin/time): the load inflates it far less"
                + " than the wall time.");
        for (Tool tool : tools) {
            run(tool); // each CLI's history folder made and the history at its working size before the timed rounds
        }
        String cliRoundTrips = roundTrips(tools.get(0), uri);
        double[] loads = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            loads[round] = Double.parseDouble(loadAverage());
            StringBuilder line = new StringBuilder("round " + (round + 1) + " (load " + loads[round] + "):");
            long expected = -1;
            for (Tool tool : tools) {
                Result result = run(tool);
                tool.wall[round] = result.millis;
                tool.cpu[round] = result.cpuMillis;
                long listed = tool.command.get(0).equals("psql") ? result.out.lines().filter(l -> !l.isBlank()).count()
                        : result.out.split("\"engine\" : \"postgresql\"", -1).length - 1;
                if (expected >= 0 && listed != expected) {
                    throw new IllegalStateException("the tools disagree: " + listed + " vs " + expected);
                }
                expected = listed;
                line.append(String.format(" %d ms (CPU %d ms);", result.millis, result.cpuMillis));
            }
            System.out.println(line + " " + expected + " users each");
        }
        Tool psql = tools.get(tools.size() - 1);
        System.out.printf("%n| %,d auto-users, one query each | median wall | best | median CPU | wall vs psql | CPU vs psql |%n",
                users);
        System.out.println("|---|---|---|---|---|---|");
        for (Tool tool : tools) {
            System.out.printf("| %s | %.2f s | %.2f s | %.2f s | %s | %s |%n", tool.name, median(tool.wall) / 1e3,
                    min(tool.wall) / 1e3, median(tool.cpu) / 1e3, ratio(median(tool.wall), median(psql.wall)),
                    ratio(median(tool.cpu), median(psql.cpu)));
        }
        System.out.printf("%nCLI: %s; load average during the rounds %.1f-%.1f, %s after%n", cliRoundTrips,
                Arrays.stream(loads).min().orElse(0), Arrays.stream(loads).max().orElse(0), loadAverage());
        for (Connection session : sessions) {
            session.close();
        }
        System.exit(0);
    }

    /** What the installed {@code autouser} launcher runs the CLI with (installer/jpackage/linux-cli-launcher.properties). */
    private static final List<String> LAUNCHER_OPTIONS = List.of("-Xlog:disable", "-Xlog:all=error:stderr",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g");

    /** One command timed round by round; each CLI keeps its own data folder (its usage history). */
    private record Tool(String name, List<String> command, Map<String, String> environment, long[] wall, long[] cpu) {
        Tool(String name, List<String> command, Map<String, String> environment) {
            this(name, command, environment, new long[64], new long[64]);
        }

        static Tool cli(String name, String jar, List<String> options, String uri, Path homes) throws IOException {
            List<String> command = new ArrayList<>(List.of("java"));
            jar = Path.of(jar).toAbsolutePath().toString(); // as the archive was made: Java 17 compares the jar's path
            Path archive = Path.of(jar).resolveSibling("autouser.jsa");
            if (!options.isEmpty() && Files.exists(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive); // the jar's own class-data-sharing archive
            }
            command.addAll(options);
            command.addAll(List.of("-jar", jar, "list", "--json", "--uri", uri));
            Path home = Files.createTempDirectory(homes, "home");
            return new Tool(name, command, Map.of("AUTOUSER_HOME", home.toString()));
        }
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

    private static String roundTrips(Tool cli, String uri) throws IOException, InterruptedException {
        List<String> table = new ArrayList<>(cli.command.subList(0, cli.command.indexOf("--json")));
        table.addAll(List.of("--state", "active", "--uri", uri));
        Result result = run(new Tool("table", table, cli.environment));
        return result.out.lines().filter(l -> l.contains("round trips")).findFirst().map(String::trim).orElse("?");
    }

    private record Result(long millis, long cpuMillis, String out) {
    }

    /** Runs under /usr/bin/time for the process's CPU time (user + system), stdout kept, stderr checked. */
    private static Result run(Tool tool) throws IOException, InterruptedException {
        Path times = Files.createTempFile("time", ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
        command.addAll(tool.command);
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(tool.environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(tool.command.get(0) + " failed: " + err);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String[] cpu = Files.readString(times).trim().split("\\s+");
        Files.delete(times);
        long cpuMillis = Math.round((Double.parseDouble(cpu[cpu.length - 2]) + Double.parseDouble(cpu[cpu.length - 1])) * 1000);
        return new Result(millis, cpuMillis, new String(out, StandardCharsets.UTF_8));
    }

    private static String ratio(long value, long psql) {
        return psql == 0 ? "?" : String.format("%.1f×", (double) value / psql);
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
        long[] sorted = Arrays.stream(values).filter(v -> v > 0).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).filter(v -> v > 0).min().orElse(0);
    }
}
