package dev.autouser.bench;

import dev.autouser.core.mongo.ConnectionProfile;
import dev.autouser.core.mongo.MongoGateway;
import dev.autouser.core.provisioning.AutoUserLister;
import dev.autouser.core.provisioning.AutoUserListing;
import dev.autouser.sandbox.DemoData;
import dev.autouser.sandbox.RunningDemo;
import dev.autouser.sandbox.SandboxServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Listing cost on a standalone vs a 3-member replica set vs 2 mongos, same users (the demo's 30
 * with their live sessions spread over the nodes, plus N bulk users), over TLS + X.509. Not part
 * of the test suite:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.autouser.bench.TopologyListingBenchmark 10000}.
 */
public final class TopologyListingBenchmark {
    private static final int WARM_UP = 3;
    private static final int RUNS = 9;

    private TopologyListingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        System.out.println("| deployment | users listed | round trips | listing (median of " + RUNS + ") | fastest |");
        System.out.println("|---|---|---|---|---|");
        for (RunningDemo.Shape shape : List.of(RunningDemo.Shape.STANDALONE, RunningDemo.Shape.replicaSet(3),
                RunningDemo.Shape.routers(2))) {
            measure(shape, users);
        }
    }

    private static void measure(RunningDemo.Shape shape, int users) throws Exception {
        Path pki = Files.createTempDirectory("autouser-topology-bench");
        RunningDemo.Settings settings = new RunningDemo.Settings(pki, 0, new DemoData.Options(DemoData.Seed.DEMO, users),
                SandboxServer.DEFAULT_VERSION, Duration.ofHours(1), shape);
        try (RunningDemo demo = RunningDemo.start(settings);
             MongoGateway gateway = MongoGateway.connect(ConnectionProfile.x509(demo.connectionString(),
                     demo.pki().caFile(), demo.seeded().dbaFile()), null)) {
            AutoUserLister lister = new AutoUserLister(gateway);
            for (int i = 0; i < WARM_UP; i++) {
                lister.list();
            }
            List<Double> millis = new ArrayList<>();
            AutoUserListing last = null;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                last = lister.list();
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            System.out.printf("| %s | %,d | %d | %.0f ms | %.0f ms |%n", gateway.deployment().summary(),
                    last.users().size(), last.roundTrips(), millis.get(RUNS / 2), millis.get(0));
        }
    }
}
