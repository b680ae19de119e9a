package dev.autouser.sandbox;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import dev.autouser.core.pki.ClientIdentity;
import dev.autouser.core.pki.DevPki;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Our own Netty server: the library's wire-protocol handlers behind an optional TLS handler that
 * requires a client certificate signed by the development CA (which the library's
 * {@code enableSsl} cannot ask for).
 */
final class SandboxTransport implements AutoCloseable {
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, threads("sandbox-accept"),
            NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, threads("sandbox-conn"),
            NioIoHandler.newFactory());
    private final ChannelGroup channels = new DefaultChannelGroup("sandbox-clients", workers.next());
    private Channel listener;

    InetSocketAddress bind(String host, int port, MongoBackend backend, SslContext sslOrNull,
                           TopologyVersion versionOrNull, Consumer<Channel> onAccept) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        onAccept.accept(channel);
                        if (sslOrNull != null) {
                            channel.pipeline().addLast(clientOrderDecides(sslOrNull.newHandler(channel.alloc())));
                        }
                        if (versionOrNull != null) {
                            channel.pipeline().addLast(AwaitableHello.framer());
                            channel.pipeline().addLast(AwaitableHello.holding(versionOrNull));
                        }
                        channel.pipeline().addLast(new MongoWireReplyEncoder());
                        channel.pipeline().addLast(new MongoWireMessageEncoder());
                        channel.pipeline().addLast(ModernErrorReplies.of(versionOrNull));
                        channel.pipeline().addLast(new MongoWireProtocolHandler());
                        channel.pipeline().addLast(new MongoDatabaseHandler(backend, channels));
                        channel.pipeline().addLast(new MongoExceptionHandler());
                    }
                });
        listener = bootstrap.bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
        return (InetSocketAddress) listener.localAddress();
    }

    /**
     * The suites the sandbox accepts: TLS 1.3's three default suites as OpenSSL (and so mongod) lists
     * them, and Netty's default TLS 1.2 suites. Netty alone leaves out ChaCha20-Poly1305.
     */
    static final List<String> CIPHER_SUITES = List.of("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA");

    /** TLS that demands a client certificate issued by {@code pki}'s CA. */
    static SslContext requireClientCertificates(DevPki pki) {
        ClientIdentity server = ClientIdentity.load(pki.serverFile(), null, null);
        try {
            return SslContextBuilder
                    .forServer(server.privateKey(), server.chain().toArray(new X509Certificate[0]))
                    .trustManager(pki.caCertificate())
                    .clientAuth(ClientAuth.REQUIRE)
                    .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot set up the sandbox's TLS: " + e.getMessage(), e);
        }
    }

    /**
     * mongod with OpenSSL sets no server preference, so the client's order of suites decides; the
     * JDK's server (Netty's default engine) would pick by its own order instead.
     */
    private static SslHandler clientOrderDecides(SslHandler handler) {
        SSLParameters parameters = handler.engine().getSSLParameters();
        parameters.setUseCipherSuitesOrder(false);
        handler.engine().setSSLParameters(parameters);
        return handler;
    }

    int openConnections() {
        return channels.size();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
