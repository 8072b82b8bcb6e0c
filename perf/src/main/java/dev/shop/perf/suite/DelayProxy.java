package dev.shop.perf.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on the loopback interface that delays every chunk by a fixed time in each direction, so a server on
 * this machine answers as if it were across a network: a round trip costs twice the delay. Chunks are queued, not
 * slept on, so pipelined traffic (one Redis connection shared by many callers) keeps its throughput.
 */
final class DelayProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long delayNanos;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    DelayProxy(String host, int port, long delayMicrosEachWay) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.delayNanos = delayMicrosEachWay * 1000;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("delay-proxy-accept").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                if (open) {
                    Suite.progress("delay proxy: %s", e.toString());
                }
            }
        }
    }

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private void pipe(Socket from, Socket to) throws IOException {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException | InterruptedException e) {
                // the connection closed
            }
            queue.add(new Chunk(0, null));
        });
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk.bytes() == null) {
                        break;
                    }
                    long wait = chunk.dueNanos() - System.nanoTime();
                    while (wait > 0) {
                        LockSupport.parkNanos(wait);
                        wait = chunk.dueNanos() - System.nanoTime();
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the connection closed
            }
            closeQuietly(to);
            closeQuietly(from);
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
        sockets.forEach(DelayProxy::closeQuietly);
    }
}
