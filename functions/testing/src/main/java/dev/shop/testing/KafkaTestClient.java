package dev.shop.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
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

/**
 * Plain Kafka clients on a real broker for tests: publishes events exactly as a module's outbox relay does (keyed,
 * encoded, with {@code event-id} and {@code event-type} headers), publishes raw bytes as a broken producer might,
 * and reads back what the functions publish, by key.
 */
public final class KafkaTestClient implements AutoCloseable {

    /** How long a send may wait for the broker's acknowledgement. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final Map<String, TopicReader> readers = new LinkedHashMap<>();

    public KafkaTestClient(String bootstrap) {
        this(bootstrap, null);
    }

    /** With {@code clientId} naming the producer in the broker's logs and metrics. */
    public KafkaTestClient(String bootstrap, String clientId) {
        this.bootstrap = bootstrap;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        if (clientId != null) {
            config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        }
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes the event as the outbox relay does and returns once Kafka has acknowledged it. */
    public <T> EventEnvelope<T> publish(String topic, String key, EventEnvelope<T> event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, codec.encode(event));
        record.headers().add("event-id", event.id().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
        send(record, event.type());
        return event;
    }

    /** Publishes the bytes as they are, without headers, and returns once Kafka has acknowledged them. */
    public void publishRaw(String topic, String key, byte[] payload) {
        send(new ProducerRecord<>(topic, key, payload), "the raw record");
    }

    /** Publishes the text as it is (in UTF-8), without headers, and returns once Kafka has acknowledged it. */
    public void publishRaw(String topic, String key, String payload) {
        publishRaw(topic, key, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the topic from its start, in a consumer group of its own; the same reader for the same topic. Ask for it
     * before publishing to start reading early.
     */
    public TopicReader reader(String topic) {
        return readers.computeIfAbsent(topic, this::subscribe);
    }

    /** Waits up to {@code atMost} until {@code count} records with this key are on the topic; returns them. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String key, int count, Duration atMost) {
        return reader(topic).awaitRecords(key, count, atMost);
    }

    /** Waits up to {@code atMost} for the first record on the topic with this key that matches; returns its value. */
    public byte[] awaitValue(String topic, String key, Predicate<byte[]> matching, Duration atMost) {
        return reader(topic).awaitValue(key, matching, atMost);
    }

    @Override
    public void close() {
        readers.values().forEach(reader -> reader.consumer.close());
        readers.clear();
        producer.close(Duration.ofSeconds(5));
    }

    private void send(ProducerRecord<String, byte[]> record, String what) {
        try {
            producer.send(record).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + what + " on " + record.topic(), e);
        }
    }

    private TopicReader subscribe(String topic) {
        Properties config = new Properties();
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // Notice a topic (such as a dead-letter topic) soon after it is created.
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return new TopicReader(consumer);
    }

    /** The records of one topic, collected as they arrive. */
    public static final class TopicReader {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        private TopicReader(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        /** Waits up to {@code atMost} until {@code count} records with this key have arrived; returns them. */
        public List<ConsumerRecord<String, byte[]>> awaitRecords(String key, int count, Duration atMost) {
            await().atMost(atMost).pollDelay(Duration.ZERO).until(() -> {
                poll();
                return withKey(key).size() >= count;
            });
            return withKey(key);
        }

        /** Waits up to {@code atMost} for the first record with this key that matches; returns its value. */
        public byte[] awaitValue(String key, Predicate<byte[]> matching, Duration atMost) {
            List<byte[]> found = new ArrayList<>();
            await().atMost(atMost).pollDelay(Duration.ZERO).until(() -> {
                poll();
                withKey(key).stream().map(ConsumerRecord::value).filter(matching).findFirst().ifPresent(found::add);
                return !found.isEmpty();
            });
            return found.getFirst();
        }

        private void poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }

        private List<ConsumerRecord<String, byte[]>> withKey(String key) {
            return seen.stream().filter(r -> key.equals(r.key())).toList();
        }
    }
}
