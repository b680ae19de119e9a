package dev.autouser.sandbox;

import com.mongodb.client.MongoClient;
import dev.autouser.testsupport.MongoTarget;
import org.bson.Document;

import java.util.List;

/**
 * Rough figures for the report (not a test; surefire skips *Benchmark): 100,000 auto-users listed
 * in filter pages over TLS, and Teleport's activity check. Run with
 * {@code mvn -q test-compile exec:java}-like tooling or from an IDE.
 */
public final class SandboxBenchmark {
    public static void main(String[] args) {
        MongoTarget target = MongoTarget.sandbox();
        long seedStart = System.nanoTime();
        DemoBulkUsers.seed(target.sandboxServer().orElseThrow().security().users(), 100_000);
        System.out.printf("seed 100000: %d ms%n", (System.nanoTime() - seedStart) / 1_000_000);
        MongoClient dba = target.dba();
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            int total = 0;
            String[] bounds = {"CN=", "CN=remote-user05", "CN=user02", "CN=user04", "CN=user06", "CN=user08", "CN=~"};
            for (int i = 0; i + 1 < bounds.length; i++) {
                total += dba.getDatabase("$external").runCommand(new Document("usersInfo", 1).append("filter",
                        new Document("customData.teleport-auto-user", true)
                                .append("user", new Document("$gte", bounds[i]).append("$lt", bounds[i + 1]))))
                        .getList("users", Document.class).size();
            }
            long pages = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            int ops = dba.getDatabase("admin").aggregate(List.of(
                    new Document("$currentOp", new Document("allUsers", true).append("idleConnections", true)),
                    new Document("$match", new Document("effectiveUsers.db", "$external"))))
                    .into(new java.util.ArrayList<>()).size();
            long currentOp = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("round %d: %d users in 6 pages %d ms; $currentOp (%d ops) %d ms%n",
                    round, total, pages, ops, currentOp);
        }
        System.exit(0);
    }
}
