package dev.autouser.sandbox;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

import java.nio.ByteOrder;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * MongoDB's streaming {@code hello} for the driver's server monitor, in front of the library's
 * wire handlers (which reject any OP_MSG flag but the checksum). A monitor's awaitable hello
 * ({@code topologyVersion} + {@code maxAwaitTimeMS}, sent with {@code exhaustAllowed}) is held until
 * the node's topology changes or the time is up, then answered once, without {@code moreToCome}
 * (a server may always decline to stream); the driver simply asks again.
 */
final class AwaitableHello extends ChannelInboundHandlerAdapter {
    private static final int OP_MSG = 2013;
    private static final int EXHAUST_ALLOWED = 1 << 16;
    private static final int HEADER = 16;

    private final TopologyVersion version;

    private AwaitableHello(TopologyVersion version) {
        this.version = version;
    }

    /** Splits the byte stream into whole wire messages, so a message's header can be read and changed. */
    static LengthFieldBasedFrameDecoder framer() {
        return new LengthFieldBasedFrameDecoder(ByteOrder.LITTLE_ENDIAN, 48_000_000 + HEADER, 0, 4, -4, 0, true);
    }

    static AwaitableHello holding(TopologyVersion version) {
        return new AwaitableHello(version);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof ByteBuf frame) || frame.readableBytes() < HEADER + 5
                || frame.getIntLE(frame.readerIndex() + 12) != OP_MSG) {
            ctx.fireChannelRead(message);
            return;
        }
        int flagsAt = frame.readerIndex() + HEADER;
        int flags = frame.getIntLE(flagsAt);
        if ((flags & EXHAUST_ALLOWED) == 0) {
            ctx.fireChannelRead(message);
            return;
        }
        frame.setIntLE(flagsAt, flags & ~EXHAUST_ALLOWED);
        long waitMillis = awaitMillis(frame, flagsAt + 4);
        if (waitMillis <= 0) {
            ctx.fireChannelRead(frame);
            return;
        }
        AtomicBoolean answered = new AtomicBoolean();
        Runnable[] wake = new Runnable[1];
        Runnable answer = () -> {
            if (answered.compareAndSet(false, true)) {
                version.forget(wake[0]);
                ctx.fireChannelRead(frame);
            }
        };
        wake[0] = () -> {
            try {
                ctx.executor().execute(answer);
            } catch (RejectedExecutionException e) {
                // The node was stopped meanwhile: its connections are gone, nobody waits for this reply.
                frame.release();
            }
        };
        version.onChange(wake[0]);
        ctx.executor().schedule(answer, waitMillis, TimeUnit.MILLISECONDS);
    }

    /** How long to hold the hello: 0 unless it is awaitable and the client's topology version is current. */
    private long awaitMillis(ByteBuf frame, int sectionAt) {
        if (frame.getByte(sectionAt) != 0) {
            return 0;
        }
        int length = frame.getIntLE(sectionAt + 1);
        BsonDocument body = new RawBsonDocument(ByteBufUtil.getBytes(frame, sectionAt + 1, length));
        if (!body.containsKey("maxAwaitTimeMS") || !body.isDocument("topologyVersion")) {
            return 0;
        }
        BsonDocument given = body.getDocument("topologyVersion");
        if (!given.isObjectId("processId") || !given.isNumber("counter")) {
            return 0;
        }
        boolean current = version.isCurrent(given.getObjectId("processId").getValue().toHexString(),
                given.getNumber("counter").longValue());
        return current ? body.getNumber("maxAwaitTimeMS").longValue() : 0;
    }
}
