package dev.autouser.bench;

import dev.autouser.core.pki.ClientIdentity;
import dev.autouser.core.pki.DevPki;
import dev.autouser.core.pki.SslContexts;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What decrypting TLS records costs the client, per cipher suite, under whatever JIT the JVM runs
 * with: an in-memory TLS 1.3 server sends MB of application data and the client's unwrap CPU time is
 * summed (the server's encryption is not counted). Run it under the CLI's options and without:
 * {@code java -XX:TieredStopAtLevel=1 -cp target/test-classes:target/autouser.jar dev.autouser.bench.TlsDecryptBenchmark}.
 * usage: TlsDecryptBenchmark [MB (default 20)] [suite ... (default AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305)]
 * Not a test: surefire excludes *Benchmark.
 */
public final class TlsDecryptBenchmark {
    private static final int CHUNK = 16_000;

    public static void main(String[] args) throws Exception {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> suites = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
        DevPki pki = DevPki.openOrCreate(Path.of("target", "tls-bench-pki"));
        for (String suite : suites) {
            double millis = clientUnwrapMillis(pki, suite, mb);
            System.out.printf("%-30s %d MB: client decrypt CPU %.0f ms (%.1f ms/MB)%n", suite, mb, millis, millis / mb);
        }
    }

    private static double clientUnwrapMillis(DevPki pki, String suite, int mb) throws Exception {
        SSLEngine server = serverContext(pki).createSSLEngine();
        server.setUseClientMode(false);
        SSLEngine client = SslContexts.forClient(List.of(pki.caCertificate()), null).createSSLEngine("localhost", 27017);
        client.setUseClientMode(true);
        client.setEnabledCipherSuites(new String[] {suite});
        ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        ByteBuffer plain = ByteBuffer.allocate(1 << 16);
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 200 && !(idle(client) && idle(server)); i++) {
            step(client, toServer, toClient, plain);
            step(server, toClient, toServer, plain);
        }
        for (int i = 0; i < 5; i++) { // post-handshake messages (session tickets)
            step(client, toServer, toClient, plain);
            step(server, toClient, toServer, plain);
        }
        drain(client, toClient, plain);
        if (!suite.equals(client.getSession().getCipherSuite())) {
            throw new IllegalStateException("negotiated " + client.getSession().getCipherSuite());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] data = new byte[CHUNK];
        new java.util.Random(1).nextBytes(data);
        long cpu = 0;
        for (long sent = 0; sent < (long) mb << 20; sent += CHUNK) {
            toClient.clear();
            server.wrap(ByteBuffer.wrap(data), toClient);
            long before = threads.getCurrentThreadCpuTime();
            toClient.flip();
            while (toClient.hasRemaining()) {
                plain.clear();
                client.unwrap(toClient, plain);
            }
            cpu += threads.getCurrentThreadCpuTime() - before;
            toClient.clear();
        }
        return cpu / 1e6;
    }

    private static SSLContext serverContext(DevPki pki) throws Exception {
        ClientIdentity identity = ClientIdentity.load(pki.serverFile(), null, null);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", identity.privateKey(), new char[0], identity.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static boolean idle(SSLEngine engine) {
        return engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING;
    }

    private static void step(SSLEngine engine, ByteBuffer out, ByteBuffer in, ByteBuffer plain) throws Exception {
        runTasks(engine);
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            engine.wrap(ByteBuffer.allocate(0), out);
        }
        in.flip();
        if (in.hasRemaining() && engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
            plain.clear();
            engine.unwrap(in, plain);
        }
        in.compact();
        runTasks(engine);
    }

    private static void drain(SSLEngine engine, ByteBuffer in, ByteBuffer plain) throws Exception {
        in.flip();
        while (in.hasRemaining()) {
            plain.clear();
            engine.unwrap(in, plain);
        }
        in.clear();
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
