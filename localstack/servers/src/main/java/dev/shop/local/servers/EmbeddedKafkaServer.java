package dev.shop.local.servers;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node KRaft Kafka broker in this JVM, on a free port of 127.0.0.1. */
final class EmbeddedKafkaServer implements EmbeddedServer {

    private static final int PARTITIONS_PER_TOPIC = 3;

    private static final Map<String, String> BROKER_PROPERTIES = Map.of(
            // Explicit, although it is Kafka's default: topics appear on first use, as in the stack.
            "auto.create.topics.enable", "true",
            // 127.0.0.1 rather than "localhost": the advertised address then needs no name resolution.
            "listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0",
            // One broker: internal topics cannot have more replicas; one coordinator partition makes the
            // first consumer group join fast.
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "1",
            "group.initial.rebalance.delay.ms", "0");

    private final EmbeddedKafkaKraftBroker broker;
    private final String bootstrap;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker, String bootstrap) {
        this.broker = broker;
        this.bootstrap = bootstrap;
    }

    static EmbeddedKafkaServer start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS_PER_TOPIC);
        // Otherwise it sets spring.kafka.bootstrap-servers JVM-wide, which outlives a broker stopped by close().
        broker.brokerListProperty(null);
        broker.brokerProperties(BROKER_PROPERTIES);
        String previousBrokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        try {
            broker.afterPropertiesSet();
            // The test kit names its listener "localhost" in the client properties; it is bound to 127.0.0.1.
            String bootstrap = broker.getBrokersAsString().replace("localhost:", "127.0.0.1:");
            return new EmbeddedKafkaServer(broker, bootstrap);
        } catch (RuntimeException e) {
            try {
                broker.destroy();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        } finally {
            // Same for the property it always sets: callers get the address from ServerEndpoints.
            if (previousBrokers == null) {
                System.clearProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
            } else {
                System.setProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, previousBrokers);
            }
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String address() {
        return bootstrap;
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public void stop() {
        broker.destroy();
    }
}
