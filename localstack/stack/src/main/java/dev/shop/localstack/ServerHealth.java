package dev.shop.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.shop.local.servers.ServerEndpoints;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks each server a cheap real question: Postgres {@code isValid} on a fresh connection, Redis {@code PING},
 * Kafka {@code describeCluster}. The three run side by side, each bounded by {@link #TIMEOUT}.
 */
final class ServerHealth implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final String UP = "UP";
    static final String DOWN = "DOWN";

    private static final Logger log = LoggerFactory.getLogger(ServerHealth.class);

    private final ServerEndpoints endpoints;
    private final String jdbcUrl;
    private final ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor();
    // One lock each, so that a hanging Redis connect does not hold up the Kafka check.
    private final ReentrantLock redisLock = new ReentrantLock();
    private final ReentrantLock kafkaLock = new ReentrantLock();
    private RedisClient redis;
    private StatefulRedisConnection<String, String> redisConnection;
    private Admin kafka;
    private volatile boolean closed;

    ServerHealth(ServerEndpoints endpoints, String jdbcUrl) {
        this.endpoints = endpoints;
        this.jdbcUrl = jdbcUrl;
    }

    /** {@code postgres}, {@code redis} and {@code kafka}, each {@code UP} or {@code DOWN}. */
    Map<String, String> check() {
        CompletableFuture<Boolean> postgres = CompletableFuture.supplyAsync(this::postgresUp, checks);
        CompletableFuture<Boolean> redisUp = CompletableFuture.supplyAsync(this::redisUp, checks);
        CompletableFuture<Boolean> kafkaUp = CompletableFuture.supplyAsync(this::kafkaUp, checks);
        Map<String, String> status = new LinkedHashMap<>();
        status.put("postgres", outcome("postgres", postgres));
        status.put("redis", outcome("redis", redisUp));
        status.put("kafka", outcome("kafka", kafkaUp));
        return status;
    }

    private static String outcome(String server, CompletableFuture<Boolean> check) {
        try {
            return check.get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS) ? UP : DOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DOWN;
        } catch (Exception e) {
            log.debug("{} health check failed", server, e);
            return DOWN;
        }
    }

    private boolean postgresUp() {
        Properties properties = new Properties();
        if (endpoints.dbUser() != null) {
            properties.setProperty("user", endpoints.dbUser());
        }
        if (endpoints.dbPassword() != null) {
            properties.setProperty("password", endpoints.dbPassword());
        }
        String seconds = Long.toString(TIMEOUT.toSeconds());
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            return connection.isValid((int) TIMEOUT.toSeconds());
        } catch (Exception e) {
            log.debug("postgres health check failed", e);
            return false;
        }
    }

    private boolean redisUp() {
        try {
            return "PONG".equalsIgnoreCase(redisConnection().sync().ping());
        } catch (Exception e) {
            log.debug("redis health check failed", e);
            return false;
        }
    }

    private StatefulRedisConnection<String, String> redisConnection() {
        redisLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (redis == null) {
                RedisURI uri = RedisURI.create(endpoints.redisUri());
                uri.setTimeout(TIMEOUT);
                redis = RedisClient.create(uri);
            }
            if (redisConnection == null || !redisConnection.isOpen()) {
                redisConnection = redis.connect();
                redisConnection.setTimeout(TIMEOUT);
            }
            return redisConnection;
        } finally {
            redisLock.unlock();
        }
    }

    private boolean kafkaUp() {
        try {
            return !kafka().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.debug("kafka health check failed", e);
            return false;
        }
    }

    private Admin kafka() {
        kafkaLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (kafka == null) {
                Properties config = new Properties();
                config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap());
                config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-health");
                config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                kafka = Admin.create(config);
            }
            return kafka;
        } finally {
            kafkaLock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        redisLock.lock();
        try {
            if (redisConnection != null) {
                redisConnection.close();
            }
            if (redis != null) {
                redis.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            }
        } catch (RuntimeException e) {
            log.debug("closing the redis health client failed", e);
        } finally {
            redisLock.unlock();
        }
        kafkaLock.lock();
        try {
            if (kafka != null) {
                kafka.close(Duration.ofSeconds(1));
            }
        } catch (RuntimeException e) {
            log.debug("closing the kafka health client failed", e);
        } finally {
            kafkaLock.unlock();
        }
        checks.shutdownNow();
    }
}
