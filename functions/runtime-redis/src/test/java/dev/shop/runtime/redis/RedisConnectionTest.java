package dev.shop.runtime.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;

import dev.shop.local.servers.SharedServers;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The module's Redis connection around a snapshot, on the JVM's real Redis. */
class RedisConnectionTest {

    RedisClient client;

    @AfterEach
    void shutdown() {
        if (client != null) {
            client.shutdown();
        }
    }

    @Test
    void opensNoSocketUntilFirstUse() {
        client = RedisClient.create(SharedServers.get().endpoints().redisUri());
        RedisConnection redis = new RedisConnection(client);

        assertThat(redis.connected()).as("a function starts, or is snapshotted, with no socket open").isFalse();
        assertThat(redis.sync().ping()).isEqualTo("PONG");
        assertThat(redis.connected()).isTrue();
        redis.close();
    }

    @Test
    void checkpointClosesTheConnectionAndRestoreOpensAFreshOne() {
        client = RedisClient.create(SharedServers.get().endpoints().redisUri());
        RedisConnection redis = new RedisConnection(client);
        long before = redis.sync().clientId();

        redis.suspend();
        assertThat(redis.connected()).isFalse();
        redis.resume();

        assertThat(redis.connected()).as("reconnected during the restore, not on the first request").isTrue();
        assertThat(redis.sync().clientId()).as("a new connection, not the snapshot's").isNotEqualTo(before);
        redis.close();
    }

    @Test
    void restoreGivesUpQuietlyWhenRedisIsGoneAndTheNextUseTriesAgain() throws Exception {
        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        client = RedisClient.create("redis://127.0.0.1:" + unused);
        client.setOptions(io.lettuce.core.ClientOptions.builder().build());
        RedisConnection redis = new RedisConnection(client, RetryConfig.custom().maxAttempts(3)
                .intervalFunction(IntervalFunction.of(Duration.ofMillis(20)))
                .retryExceptions(RedisException.class).build());

        long started = System.nanoTime();
        redis.resume();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded, well inside a restore's 10 s")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(redis.connected()).isFalse();
        assertThatThrownBy(() -> redis.sync().ping()).isInstanceOf(RedisConnectionException.class);
    }
}
