package dev.autouser.sandbox;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * The library adds the legacy OP_QUERY field {@code $err} to every error reply; mongod's OP_MSG
 * replies carry only {@code ok: 0}, {@code errmsg}, {@code code} and {@code codeName}. This removes
 * {@code $err} from OP_MSG error replies on their way out (legacy OP_QUERY replies keep it, as
 * mongod's did).
 */
@ChannelHandler.Sharable
final class ModernErrorReplies extends ChannelOutboundHandlerAdapter {
    static final ModernErrorReplies INSTANCE = new ModernErrorReplies();

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof MongoMessage reply) {
            Document document = reply.getDocument();
            if (document != null && document.containsKey("errmsg") && isZero(document.get("ok"))) {
                document.remove("$err");
            }
        }
        super.write(ctx, message, promise);
    }

    private static boolean isZero(Object ok) {
        return ok instanceof Number number && number.doubleValue() == 0;
    }
}
