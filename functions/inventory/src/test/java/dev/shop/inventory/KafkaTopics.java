package dev.shop.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/** Plain Kafka clients on the shared broker: send as the workflow does, read what the functions publish. */
public final class KafkaTopics implements AutoCloseable {

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;
    private final List<KafkaConsumer<String, byte[]>> consumers = new ArrayList<>();

    public KafkaTopics(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public void send(String topic, String key, byte[] payload) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, key, payload)).get();
    }

    /** Reads a topic from its start, in a consumer group of its own. */
    public Reader reader(String topic) {
        Properties config = new Properties();
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        consumers.add(consumer);
        return new Reader(consumer);
    }

    @Override
    public void close() {
        consumers.forEach(KafkaConsumer::close);
        producer.close(Duration.ofSeconds(2));
    }

    /** The records of one topic, collected as they arrive. */
    public static final class Reader {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        private Reader(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        /** Waits up to {@code atMost} until {@code count} records with this key have arrived; returns them. */
        public List<ConsumerRecord<String, byte[]>> awaitKey(String key, int count, Duration atMost) {
            await().atMost(atMost).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return withKey(key).size() >= count;
            });
            return withKey(key);
        }

        private List<ConsumerRecord<String, byte[]>> withKey(String key) {
            return seen.stream().filter(r -> key.equals(r.key())).toList();
        }
    }
}
