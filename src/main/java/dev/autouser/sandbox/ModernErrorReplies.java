package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

import java.util.Set;

/**
 * The library adds the legacy OP_QUERY field {@code $err} to every error reply; mongod's OP_MSG
 * replies carry only {@code ok: 0}, {@code errmsg}, {@code code} and {@code codeName}. This removes
 * {@code $err} from OP_MSG error replies on their way out (legacy OP_QUERY replies keep it, as
 * mongod's did).
 *
 * <p>On a replica-set member, a "not primary" error also carries the member's current
 * {@code topologyVersion}, as mongod's do since 4.4 (jstest
 * {@code notprimary_errors_return_topology_version.js}: 10107, 13435, 13436, 189, 11602; shutdown
 * errors do not, SERVER-45882). The driver compares it with the one from the member's last
 * {@code hello} and ignores an error that is not newer (SDAM "stale errors"); without it the driver
 * marks the member unknown and waits for its next {@code hello}, which a streaming monitor only gets
 * when the topology changes or its wait ends, so a direct client's next command stalls.
 */
@ChannelHandler.Sharable
final class ModernErrorReplies extends ChannelOutboundHandlerAdapter {
    static final ModernErrorReplies INSTANCE = new ModernErrorReplies(null);
    /** NotWritablePrimary, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary, PrimarySteppedDown, InterruptedDueToReplStateChange. */
    static final Set<Integer> NOT_PRIMARY_CODES = Set.of(10107, 13435, 13436, 189, 11602);

    private final TopologyVersion versionOrNull;

    private ModernErrorReplies(TopologyVersion versionOrNull) {
        this.versionOrNull = versionOrNull;
    }

    /** The replies of a node with a {@code topologyVersion} (a replica-set member); else {@link #INSTANCE}. */
    static ModernErrorReplies of(TopologyVersion versionOrNull) {
        return versionOrNull == null ? INSTANCE : new ModernErrorReplies(versionOrNull);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof MongoMessage reply) {
            Document document = reply.getDocument();
            if (document != null && document.containsKey("errmsg") && isZero(document.get("ok"))) {
                document.remove("$err");
                if (versionOrNull != null && document.get("code") instanceof Number code
                        && NOT_PRIMARY_CODES.contains(code.intValue())) {
                    document.put("topologyVersion", versionOrNull.toDocument());
                }
            }
        }
        super.write(ctx, message, promise);
    }

    private static boolean isZero(Object ok) {
        return ok instanceof Number number && number.doubleValue() == 0;
    }
}
