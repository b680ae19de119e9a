package dev.autouser.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small TCP proxy between the console and a server, for fault injection: latency on every chunk,
 * a blackhole (bytes vanish, connections stay open), a reset of every open connection (RST), new
 * connections refused with a reset, and "the reply is lost" (the request reaches the server, its
 * reply never comes back). It knows nothing of TLS or MongoDB: it forwards bytes.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Pattern HOST_PORT = Pattern.compile("^(mongodb://)([^/?]+)(.*)$");

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile long latencyMillis;
    private volatile boolean blackhole;
    private volatile boolean refuseNew;

    private FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the server of a {@code mongodb://host:port/...} URI. */
    public static FaultProxy inFrontOf(String uri) {
        Matcher m = HOST_PORT.matcher(uri);
        if (!m.matches() || !m.group(2).contains(":")) {
            throw new IllegalArgumentException("Expected mongodb://host:port/...: " + uri);
        }
        String[] hostPort = m.group(2).split(":");
        try {
            return new FaultProxy(hostPort[0], Integer.parseInt(hostPort[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same URI pointing at the proxy (same host name, so TLS host checks still pass). */
    public String uri(String uri) {
        Matcher m = HOST_PORT.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException(uri);
        }
        return m.group(1) + targetHost + ":" + listener.getLocalPort() + m.group(3);
    }

    public void latency(Duration perChunk) {
        latencyMillis = perChunk.toMillis();
    }

    /** From now on bytes in both directions vanish; connections stay open. */
    public void blackhole() {
        blackhole = true;
    }

    /** Forwards again (undoes {@link #blackhole()} and {@link #refuseNewConnections(boolean)}). */
    public void pass() {
        blackhole = false;
        refuseNew = false;
    }

    /** New connections are accepted and immediately reset. */
    public void refuseNewConnections(boolean refuse) {
        refuseNew = refuse;
    }

    /** Every open connection is reset (RST), as a broken network path or a restarted firewall does. */
    public void resetAll() {
        links.forEach(Link::reset);
    }

    /**
     * On the most recently opened connection (the driver's pool connection in a single-threaded
     * run; its monitor connection opens first), lets {@code replies} more replies through and then
     * swallows every later reply, while requests still reach the server.
     */
    public void loseRepliesAfter(int replies) {
        Link newest = links.get(links.size() - 1);
        newest.loseRepliesAfter(replies);
    }

    public int connectionsOpened() {
        return opened.get();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        links.forEach(Link::reset);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                opened.incrementAndGet();
                if (refuseNew) {
                    resetQuietly(client);
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void resetQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** One client connection and its server connection, pumped by two threads. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        private final AtomicInteger repliesLeft = new AtomicInteger(-1);
        private volatile boolean clientSpokeLast = true;
        private volatile boolean losingReplies;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, true);
            pump(server, client, false);
        }

        void loseRepliesAfter(int replies) {
            repliesLeft.set(replies);
        }

        void reset() {
            resetQuietly(client);
            resetQuietly(server);
        }

        private void pump(Socket from, Socket to, boolean request) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[64 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        if (forward(request)) {
                            sleepLatency();
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    }
                } catch (SocketException ignored) {
                    // reset or closed: the other pump ends too
                } catch (IOException ignored) {
                    // same
                } finally {
                    reset();
                    links.remove(this);
                }
            }, "fault-proxy-" + (request ? "request" : "reply"));
            thread.setDaemon(true);
            thread.start();
        }

        /** Whether this chunk goes through; counts replies as turns of the conversation. */
        private boolean forward(boolean request) {
            if (blackhole) {
                return false;
            }
            if (request) {
                clientSpokeLast = true;
                return true;
            }
            if (clientSpokeLast) {
                clientSpokeLast = false;
                if (repliesLeft.get() == 0) {
                    losingReplies = true;
                } else if (repliesLeft.get() > 0) {
                    repliesLeft.decrementAndGet();
                }
            }
            return !losingReplies;
        }

        private void sleepLatency() {
            long millis = latencyMillis;
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
