package dev.shop.local.servers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Real Postgres, Redis and Kafka servers for the local stack and for tests: embedded ones for whatever the
 * {@link ServerSettings} leave unset, the user's own for the rest.
 *
 * <p>{@link #close()} stops only what {@link #start} started. A JVM shutdown hook does the same if the JVM ends
 * first (Ctrl-C on the local stack), because Postgres and Redis are separate processes that would outlive it.
 */
public final class LocalServers implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final ServerEndpoints endpoints;
    /** In start order: postgres, redis, kafka. */
    private final List<EmbeddedServer> startedServers;
    private final boolean shared;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;

    private LocalServers(ServerEndpoints endpoints, List<EmbeddedServer> startedServers, boolean shared) {
        this.endpoints = endpoints;
        this.startedServers = List.copyOf(startedServers);
        this.shared = shared;
        this.shutdownHook = new Thread(() -> stopStartedServers(true), "local-servers-shutdown");
    }

    /** Starts every server the settings leave unset, in parallel, and returns once all answer. */
    public static LocalServers start(ServerSettings settings) {
        return start(settings, false);
    }

    /** The JVM-wide instance of {@link SharedServers}: only its shutdown hook stops it. */
    static LocalServers startShared(ServerSettings settings) {
        return start(settings, true);
    }

    private static LocalServers start(ServerSettings settings, boolean shared) {
        Objects.requireNonNull(settings, "settings");
        QuietLogs.apply();
        if (settings.postgresConfigured()) {
            progress("postgres", "external", Secrets.mask(settings.dbUrl()));
        }
        if (settings.redisConfigured()) {
            progress("redis", "external", Secrets.mask(settings.redisUrl()));
        }
        if (settings.kafkaConfigured()) {
            progress("kafka", "external", settings.kafkaBootstrap());
        }

        // The three are independent: starting them side by side costs the slowest (Kafka), not the sum.
        ExecutorService starter = Executors.newFixedThreadPool(3,
                Thread.ofPlatform().name("local-servers-start-", 1).daemon().factory());
        try {
            Future<EmbeddedPostgresServer> postgres = settings.postgresConfigured() ? null
                    : starter.submit(() -> startReporting("postgres", EmbeddedPostgresServer::start));
            Future<EmbeddedRedisServer> redis = settings.redisConfigured() ? null
                    : starter.submit(() -> startReporting("redis", EmbeddedRedisServer::start));
            Future<EmbeddedKafkaServer> kafka = settings.kafkaConfigured() ? null
                    : starter.submit(() -> startReporting("kafka", EmbeddedKafkaServer::start));

            // Wait for all of them even after a failure, so that nothing started is left running.
            List<EmbeddedServer> started = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            EmbeddedPostgresServer startedPostgres = await(postgres, started, failures);
            EmbeddedRedisServer startedRedis = await(redis, started, failures);
            EmbeddedKafkaServer startedKafka = await(kafka, started, failures);
            if (!failures.isEmpty()) {
                stopInReverse(started);
                IllegalStateException failure = new IllegalStateException(
                        "local servers did not start: " + failures.getFirst(), failures.getFirst());
                failures.stream().skip(1).forEach(failure::addSuppressed);
                throw failure;
            }

            ServerEndpoints endpoints = new ServerEndpoints(
                    startedPostgres != null ? startedPostgres.jdbcUrl() : settings.dbUrl(),
                    startedPostgres != null ? EmbeddedPostgresServer.USER : settings.dbUser(),
                    startedPostgres != null ? EmbeddedPostgresServer.PASSWORD : settings.dbPassword(),
                    startedRedis != null ? startedRedis.uri() : settings.redisUrl(),
                    startedKafka != null ? startedKafka.bootstrap() : settings.kafkaBootstrap());
            LocalServers servers = new LocalServers(endpoints, started, shared);
            servers.registerShutdownHook();
            return servers;
        } finally {
            starter.shutdown();
        }
    }

    public ServerEndpoints endpoints() {
        return endpoints;
    }

    /** Names of the servers this instance started and will stop, e.g. {@code [postgres, redis, kafka]}. */
    public List<String> startedServers() {
        return startedServers.stream().map(EmbeddedServer::name).toList();
    }

    /**
     * Creates an empty database on this Postgres and returns its JDBC URL (same user and password as
     * {@link #endpoints()}). Tests isolate by database instead of restarting servers.
     *
     * @param name lower case, {@code [a-z][a-z0-9_]{0,62}}
     */
    public String createDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ", got " + name);
        }
        if (stopped.get()) {
            throw new IllegalStateException("local servers are closed");
        }
        try (Connection admin = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
             Statement statement = admin.createStatement()) {
            // Identifiers cannot be bind parameters; the name is validated above, so inlining it is safe.
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + Secrets.mask(endpoints.jdbcUrl())
                    + ": " + e.getMessage(), e);
        }
        return JdbcUrls.withDatabase(endpoints.jdbcUrl(), name);
    }

    /**
     * Stops what {@link #start} started, in reverse order; configured servers are left alone. Never throws.
     * On the {@link SharedServers} instance this does nothing: other tests still use it, its shutdown hook stops it.
     */
    @Override
    public void close() {
        if (shared) {
            return;
        }
        if (stopStartedServers(false)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException jvmAlreadyShuttingDown) {
                // The hook is running or about to; it finds everything stopped.
            }
        }
    }

    @Override
    public String toString() {
        return "LocalServers[started=" + startedServers() + ", " + endpoints + "]";
    }

    private void registerShutdownHook() {
        if (startedServers.isEmpty()) {
            return;
        }
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            stopStartedServers(false);
            throw jvmAlreadyShuttingDown;
        }
    }

    /** Returns false if another caller already stopped them. */
    private boolean stopStartedServers(boolean jvmExiting) {
        if (!stopped.compareAndSet(false, true)) {
            return false;
        }
        // At JVM exit an in-process server (Kafka) ends with the JVM anyway; stopping it would race Kafka's own
        // hook, which deletes the broker's log directories, and only add time and error noise.
        stopInReverse(jvmExiting ? startedServers.stream().filter(server -> !server.inProcess()).toList() : startedServers);
        return true;
    }

    private static void stopInReverse(List<EmbeddedServer> servers) {
        for (EmbeddedServer server : servers.reversed()) {
            long begin = System.nanoTime();
            try {
                server.stop();
                progress(server.name(), "stopped", "(" + secondsSince(begin) + ")");
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // Keep going: the other servers must still be stopped.
                progress(server.name(), "stop failed", e.toString());
            }
        }
    }

    private static <T extends EmbeddedServer> T startReporting(String name, Callable<T> starter) throws Exception {
        long begin = System.nanoTime();
        try {
            T server = starter.call();
            progress(name, "ready", server.address() + " (" + secondsSince(begin) + ")");
            return server;
        } catch (Exception | Error e) {
            progress(name, "failed", "after " + secondsSince(begin) + ": " + e);
            throw e;
        }
    }

    private static <T extends EmbeddedServer> T await(Future<T> future, List<EmbeddedServer> started,
                                                      List<Throwable> failures) {
        if (future == null) {
            return null;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    T server = future.get();
                    started.add(server);
                    return server;
                } catch (InterruptedException e) {
                    // A half-started process cannot be abandoned: wait on, then pass the interrupt along.
                    interrupted = true;
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                    return null;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void progress(String server, String state, String detail) {
        System.err.println(String.format(Locale.ROOT, "%-10s%-6s %s", server, state, detail));
    }

    private static String secondsSince(long beginNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - beginNanos) / 1e9);
    }
}
