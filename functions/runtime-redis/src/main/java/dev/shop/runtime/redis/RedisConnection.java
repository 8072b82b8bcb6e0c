package dev.shop.runtime.redis;

import java.time.Duration;

import dev.shop.runtime.crac.CracResources;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's one Redis connection (Lettuce connections are thread-safe and multiplexed). Opened on first use,
 * so a function that starts, or is snapshotted, holds no socket; closed before a checkpoint and opened again after
 * the restore, with a few quick retries (Resilience4j) inside the time a SnapStart restore allows. If Redis is still
 * unreachable then, the next use connects again: callers that treat Redis as a cache fall back as on any failure.
 */
public class RedisConnection implements CracResources.CheckpointAware, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnection.class);

    private final RedisClient client;
    private final Retry reconnect;
    private volatile StatefulRedisConnection<String, String> connection;

    public RedisConnection(RedisClient client) {
        this(client, RetryConfig.custom()
                .maxAttempts(4)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0))
                .retryExceptions(RedisException.class)
                .build());
    }

    RedisConnection(RedisClient client, RetryConfig reconnectPolicy) {
        this.client = client;
        this.reconnect = Retry.of("redis-reconnect", reconnectPolicy);
    }

    /** Synchronous commands over the open connection, opening it first if need be. */
    public RedisCommands<String, String> sync() {
        return connection().sync();
    }

    public boolean connected() {
        StatefulRedisConnection<String, String> c = connection;
        return c != null && c.isOpen();
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null && c.isOpen()) {
            return c;
        }
        synchronized (this) {
            if (connection == null || !connection.isOpen()) {
                connection = client.connect();
            }
            return connection;
        }
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public synchronized void suspend() {
        close();
    }

    @Override
    public void resume() {
        try {
            Retry.decorateRunnable(reconnect, this::connection).run();
        } catch (RedisException e) {
            log.warn("redis: not reachable after the restore ({}); the next use connects again", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
