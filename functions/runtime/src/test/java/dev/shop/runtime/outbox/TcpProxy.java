package dev.shop.runtime.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards TCP connections from a fixed port of 127.0.0.1 to a target, both ways. {@link #stop()} closes the
 * listener and every open connection, so the port refuses connections; {@link #start()} listens on the same
 * port again. Stands in for a Kafka broker that is unreachable and comes back.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private ServerSocket listener;
    private Thread acceptor;

    private TcpProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A proxy to {@code host:port} on a free port of 127.0.0.1; not listening until {@link #start()}. */
    public static TcpProxy forwardingTo(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        InetSocketAddress target = new InetSocketAddress(hostAndPort.substring(0, colon),
                Integer.parseInt(hostAndPort.substring(colon + 1)));
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new TcpProxy(target, probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:port}, e.g. for {@code bootstrap.servers}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Connections accepted since this proxy was created. */
    public int acceptedConnections() {
        return accepted.get();
    }

    public synchronized TcpProxy start() {
        if (listener != null) {
            return this;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listener = socket;
            acceptor = Thread.ofPlatform().daemon().name("tcp-proxy-" + port).start(() -> accept(socket));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + address(), e);
        }
    }

    /** Returns once the port refuses connections and every forwarded connection is closed. */
    public synchronized void stop() {
        if (listener != null) {
            closeQuietly(listener);
            // The socket really closes only when the blocked accept() returns: until the acceptor has ended,
            // the port could still take a connection.
            try {
                acceptor.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
            acceptor = null;
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException closed) {
                return;
            }
            accepted.incrementAndGet();
            open.add(client);
            Socket upstream = new Socket();
            open.add(upstream);
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                release(client, upstream);
                continue;
            }
            if (socket.isClosed()) {
                // stop() ran while this connection was being set up
                release(client, upstream);
                return;
            }
            pump(client, upstream);
            pump(upstream, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("tcp-proxy-" + port + "-pump").start(() -> {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                in.transferTo(out);
            } catch (IOException ended) {
                // either side closed
            } finally {
                release(from, to);
            }
        });
    }

    private void release(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
        open.remove(a);
        open.remove(b);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
