package dev.autouser.core.mongo;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import dev.autouser.core.ConsoleException;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The replica-set members no {@code hello} lists: mongod leaves hidden members and delayed members
 * out of {@code hosts} and {@code passives} (TopologyCoordinator::fillHelloForReplSet), so the
 * driver never learns them, yet a person can connect to one directly and hold a session there. The
 * set's config ({@code replSetGetConfig}, which needs {@code replSetGetConfig} on the cluster:
 * {@code clusterMonitor}, {@code clusterAdmin} or {@code root}) names every member.
 *
 * <p>One {@code replSetGetConfig} per config version: the answer is kept until a member's
 * {@code hello} reports another {@code setVersion} (a reconfig), which the driver's monitors see at
 * no cost; so a listing costs no extra round trip once the config is known. A refusal (not
 * authorized) is kept the same way; any other failure is tried again on the next call.
 */
final class UnlistedMembers {
    private static final String ATTEMPTED = "look for hidden members in the replica set's config";

    private record Known(String configVersion, List<Deployment.Node> members, Optional<String> unknown) {
    }

    private Known known;

    /** {@code listed} plus the config's unlisted members, or with why they could not be looked for. */
    synchronized Deployment complete(Deployment listed, ClusterDescription cluster, Supplier<Document> replSetGetConfig) {
        if (listed.kind() != Deployment.Kind.REPLICA_SET) {
            return listed;
        }
        String version = configVersion(listed, cluster);
        if (known == null || !known.configVersion().equals(version)) {
            Known asked = ask(version, listed, replSetGetConfig);
            if (asked == null) {
                return listed.withUnlistedUnknown("the replica set's config could not be read now");
            }
            known = asked;
        }
        return known.unknown().map(listed::withUnlistedUnknown).orElseGet(() -> listed.withUnlisted(known.members()));
    }

    private static Known ask(String version, Deployment listed, Supplier<Document> replSetGetConfig) {
        try {
            return new Known(version, unlisted(listed, replSetGetConfig.get()), Optional.empty());
        } catch (ConsoleException e) {
            if (MongoErrors.isUnauthorized(e) || e.hasServerCode(59)) {
                return new Known(version, List.of(), Optional.of("replSetGetConfig refused: "
                        + "the identity needs replSetGetConfig on the cluster, e.g. clusterMonitor"));
            }
            return null;
        }
    }

    /**
     * Members of the config that the driver's view does not have, and every hidden or delayed one
     * (a seed list may name one, which the driver then shows until the primary's hello drops it);
     * arbiters hold no sessions.
     */
    static List<Deployment.Node> unlisted(Deployment listed, Document reply) {
        Set<String> seen = new HashSet<>(listed.nodes().stream().map(Deployment.Node::host).toList());
        Document config = reply.get("config", Document.class);
        List<Deployment.Node> unlisted = new ArrayList<>();
        for (Document member : config == null ? List.<Document>of() : config.getList("members", Document.class, List.of())) {
            String host = member.getString("host");
            if (host == null || Boolean.TRUE.equals(member.get("arbiterOnly"))) {
                continue;
            }
            long delay = delaySeconds(member);
            Deployment.NodeRole role = Boolean.TRUE.equals(member.get("hidden")) ? Deployment.NodeRole.HIDDEN
                    : delay > 0 ? Deployment.NodeRole.DELAYED : Deployment.NodeRole.SECONDARY;
            if (!seen.contains(host) || role != Deployment.NodeRole.SECONDARY) {
                unlisted.add(new Deployment.Node(host, role, java.time.Duration.ofSeconds(delay)));
            }
        }
        return unlisted;
    }

    /** {@code secondaryDelaySecs} from 5.0, {@code slaveDelay} before. */
    private static long delaySeconds(Document member) {
        Object delay = member.get("secondaryDelaySecs");
        if (delay == null) {
            delay = member.get("slaveDelay");
        }
        return delay instanceof Number n ? n.longValue() : 0;
    }

    /** The set's name and the highest config version any member's hello reports. */
    private static String configVersion(Deployment listed, ClusterDescription cluster) {
        int version = cluster.getServerDescriptions().stream().map(ServerDescription::getSetVersion)
                .filter(v -> v != null).mapToInt(Integer::intValue).max().orElse(-1);
        return listed.setName().orElse("") + "/" + version;
    }
}
