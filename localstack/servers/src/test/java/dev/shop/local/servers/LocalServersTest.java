package dev.shop.local.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalServersTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void startsRealPostgresRedisAndKafka() throws Exception {
        ServerEndpoints endpoints = SharedServers.get().endpoints();

        assertThat(postgresVersion(endpoints.jdbcUrl(), endpoints)).contains("PostgreSQL");
        assertThat(redisPing(endpoints.redisUri())).isEqualTo("PONG");

        // The topic does not exist yet: the producer's first send creates it with the broker's defaults.
        String topic = "servers-test-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(endpoints)) {
            producer.send(new ProducerRecord<>(topic, "order-1", "created")).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(producer.partitionsFor(topic)).hasSize(3);
        }
        try (Admin admin = admin(endpoints)) {
            assertThat(admin.describeCluster().nodes().get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                    .extracting(Node::host).containsExactly("127.0.0.1");
        }
        try (KafkaConsumer<String, String> consumer = consumer(endpoints)) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (received.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            assertThat(received).extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("order-1", "created"));
        }
    }

    @Test
    void createsIsolatedDatabases() throws SQLException {
        ServerEndpoints endpoints = SharedServers.get().endpoints();
        String databaseA = SharedServers.newDatabase("isolation_a");
        String databaseB = SharedServers.newDatabase("isolation_b");

        try (Connection a = connect(databaseA, endpoints); Statement statement = a.createStatement()) {
            statement.execute("create table orders (id int primary key)");
            statement.execute("insert into orders values (1)");
        }

        assertThat(tableExists(databaseA, endpoints, "orders")).isTrue();
        assertThat(tableExists(databaseB, endpoints, "orders")).isFalse();
        assertThatThrownBy(() -> SharedServers.get().createDatabase("x; drop database postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usesConfiguredServersInsteadOfStartingThem() throws Exception {
        ServerEndpoints shared = SharedServers.get().endpoints();
        // Through the system properties, as a test in another module would point at servers of its own.
        Map<String, String> properties = Map.of(
                "shop.db.url", shared.jdbcUrl(),
                "shop.db.user", shared.dbUser(),
                "shop.db.password", shared.dbPassword(),
                "shop.redis.url", shared.redisUri(),
                "shop.kafka.bootstrap", shared.kafkaBootstrap());
        properties.forEach(System::setProperty);
        ServerSettings settings;
        try {
            settings = ServerSettings.fromEnvironment();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }

        try (LocalServers configured = LocalServers.start(settings)) {
            assertThat(configured.startedServers()).isEmpty();
            assertThat(configured.endpoints()).isEqualTo(shared);
            String database = configured.createDatabase(SharedServers.uniqueDatabaseName("configured"));
            assertThat(postgresVersion(database, shared)).contains("PostgreSQL");
        }

        // Closing it left the shared servers running.
        assertThat(postgresVersion(shared.jdbcUrl(), shared)).contains("PostgreSQL");
        assertThat(redisPing(shared.redisUri())).isEqualTo("PONG");
        try (Admin admin = admin(shared)) {
            assertThat(admin.describeCluster().nodes().get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void closingTheSharedServersLeavesThemRunningForOtherTests() {
        LocalServers shared = SharedServers.get();

        shared.close();

        assertThat(redisPing(shared.endpoints().redisUri())).isEqualTo("PONG");
    }

    @Test
    void stopsEverythingItStartedOnClose() {
        LocalServers own = LocalServers.start(ServerSettings.embedded());
        ServerEndpoints endpoints = own.endpoints();
        List<InetSocketAddress> addresses = List.of(
                postgresAddress(endpoints.jdbcUrl()), redisAddress(endpoints.redisUri()), kafkaAddress(endpoints.kafkaBootstrap()));
        assertThat(own.startedServers()).containsExactly("postgres", "redis", "kafka");
        assertThat(addresses).allSatisfy(address -> assertThat(acceptsConnections(address)).as("%s open", address).isTrue());

        own.close();

        // Postgres and Redis are processes of their own: their ports closing shows they are gone.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<InetSocketAddress> stillOpen = new ArrayList<>(addresses);
        while (!stillOpen.isEmpty() && Instant.now().isBefore(deadline)) {
            stillOpen.removeIf(address -> !acceptsConnections(address));
        }
        assertThat(stillOpen).as("ports still accepting connections after close").isEmpty();
        assertThatThrownBy(() -> own.createDatabase("after_close")).isInstanceOf(IllegalStateException.class);
        own.close();
        // The shared servers on other ports were not touched.
        assertThat(redisPing(SharedServers.get().endpoints().redisUri())).isEqualTo("PONG");
    }

    @Test
    void shutdownHookStopsTheServerProcessesWhenTheJvmIsTerminated() throws Exception {
        // Kafka runs inside the probe JVM and dies with it; point it at the shared broker to save its start.
        Process probe = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dshop.kafka.bootstrap=" + SharedServers.get().endpoints().kafkaBootstrap(),
                "-cp", System.getProperty("java.class.path"),
                TerminatedJvmProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        List<InetSocketAddress> addresses;
        try {
            String endpointsLine = CompletableFuture.supplyAsync(() -> lineStartingWith(probe, TerminatedJvmProbe.ENDPOINTS_LINE))
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            String[] endpoints = endpointsLine.substring(TerminatedJvmProbe.ENDPOINTS_LINE.length()).split(" ");
            addresses = List.of(postgresAddress(endpoints[0]), redisAddress(endpoints[1]));
            assertThat(addresses).allSatisfy(address -> assertThat(acceptsConnections(address)).isTrue());
        } finally {
            probe.destroy(); // SIGTERM, as Ctrl-C's SIGINT: shutdown hooks run
        }

        assertThat(probe.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("probe JVM exited").isTrue();
        assertThat(addresses).noneSatisfy(address -> assertThat(acceptsConnections(address)).isTrue());
    }

    private static String lineStartingWith(Process process, String prefix) {
        BufferedReader output = process.inputReader();
        StringBuilder seen = new StringBuilder();
        try {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                seen.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("probe ended without printing its endpoints:\n" + seen);
    }

    private static Admin admin(ServerEndpoints endpoints) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap()));
    }

    private static Connection connect(String jdbcUrl, ServerEndpoints endpoints) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, endpoints.dbUser(), endpoints.dbPassword());
    }

    private static String postgresVersion(String jdbcUrl, ServerEndpoints endpoints) throws SQLException {
        try (Connection connection = connect(jdbcUrl, endpoints);
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("select version()")) {
            version.next();
            return version.getString(1);
        }
    }

    private static boolean tableExists(String jdbcUrl, ServerEndpoints endpoints, String table) throws SQLException {
        try (Connection connection = connect(jdbcUrl, endpoints);
             Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("select to_regclass('" + table + "') is not null")) {
            found.next();
            return found.getBoolean(1);
        }
    }

    private static String redisPing(String redisUri) {
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().ping();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static KafkaProducer<String, String> producer(ServerEndpoints endpoints) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(ServerEndpoints endpoints) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "servers-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static InetSocketAddress postgresAddress(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static InetSocketAddress redisAddress(String redisUri) {
        URI uri = URI.create(redisUri);
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static InetSocketAddress kafkaAddress(String bootstrap) {
        int colon = bootstrap.lastIndexOf(':');
        return new InetSocketAddress(bootstrap.substring(0, colon), Integer.parseInt(bootstrap.substring(colon + 1)));
    }

    private static boolean acceptsConnections(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
