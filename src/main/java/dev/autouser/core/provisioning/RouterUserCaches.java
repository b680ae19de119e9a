package dev.autouser.core.provisioning;

import dev.autouser.core.ConsoleException;
import dev.autouser.core.mongo.Deployment;
import dev.autouser.core.mongo.MongoGateway;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A mongos caches the users it has looked up and only re-reads them from the config servers when
 * its cache is invalidated: every {@code userCacheInvalidationIntervalSecs} (30 s by default), or at
 * once by {@code invalidateUserCache} (which needs {@code invalidateUserCache} on the cluster:
 * {@code root}, {@code userAdminAnyDatabase}, {@code hostManager}, {@code clusterAdmin}). So after
 * a lock written through one router, another router may still let the user log in and run commands
 * with its old roles until then. After its locks the console therefore runs
 * {@code invalidateUserCache} on every listed router (one command each, in parallel, over direct
 * connections), and says which routers it could not clear.
 */
final class RouterUserCaches {
    static final String INTERVAL = "userCacheInvalidationIntervalSecs, 30 s by default";

    private RouterUserCaches() {
    }

    /**
     * Router → why its cache could not be invalidated; empty when every router's was, or when the
     * deployment has no routers (a mongod reads its own copy of the users on every lookup).
     */
    static Map<Deployment.Node, String> invalidate(MongoGateway gateway) {
        Deployment deployment = gateway.deployment();
        if (deployment.kind() != Deployment.Kind.SHARDED) {
            return Map.of();
        }
        List<Deployment.Node> routers = deployment.sessionNodes();
        List<CompletableFuture<Void>> asked = routers.stream().map(router -> CompletableFuture.runAsync(() ->
                gateway.runOn(router, UserCommands.ADMIN, new Document("invalidateUserCache", 1),
                        "make " + router.host() + " forget its cached users"))).toList();
        Map<Deployment.Node, String> failed = new LinkedHashMap<>();
        for (int i = 0; i < routers.size(); i++) {
            try {
                asked.get(i).join();
            } catch (CompletionException e) {
                failed.put(routers.get(i), e.getCause() instanceof ConsoleException c ? c.getMessage()
                        : String.valueOf(e.getCause()));
            }
        }
        return failed;
    }

    /** "localhost:27018 (mongos) could not be told to forget its cached users (why), so CN=x can still ...". */
    static String describe(Map<Deployment.Node, String> stale, String name) {
        List<String> each = stale.entrySet().stream().map(e -> e.getKey().describe() + " (" + e.getValue() + ")").toList();
        return String.join("; ", each) + " could not be made to forget "
                + (stale.size() == 1 ? "its" : "their") + " cached users (invalidateUserCache), so " + name
                + " may still log in and run commands there until the user cache refreshes (" + INTERVAL + ")";
    }
}
