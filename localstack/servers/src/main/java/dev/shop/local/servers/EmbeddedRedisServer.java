package dev.shop.local.servers;

import java.io.IOException;

import redis.embedded.RedisServer;

/** A real redis-server 6.2 (bundled with embedded-redis) on a free port of 127.0.0.1, without persistence. */
final class EmbeddedRedisServer implements EmbeddedServer {

    private static final String HOST = "127.0.0.1";
    /** Another JVM may take the free port between probing and binding it. */
    private static final int ATTEMPTS = 3;

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    static EmbeddedRedisServer start() throws IOException {
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int port = LoopbackPorts.free();
            RedisServer redis = RedisServer.newRedisServer()
                    .bind(HOST)
                    .port(port)
                    // Throwaway data: no RDB snapshots, no append-only file.
                    .setting("save \"\"")
                    .setting("appendonly no")
                    // Drain its output, so a full pipe can never block it.
                    .soutListener(line -> { })
                    .serrListener(line -> { })
                    .build();
            try {
                redis.start();
                return new EmbeddedRedisServer(redis, port);
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    String uri() {
        return "redis://" + HOST + ":" + port;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String address() {
        return HOST + ":" + port;
    }

    @Override
    public void stop() throws IOException {
        // SIGTERM and wait: redis-server is a child process and must not outlive the JVM.
        redis.stop();
    }

}
