package dev.shop.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import static org.awaitility.Awaitility.await;

/**
 * Delivers every record of the given topics a second time, as a redelivery after a consumer crash or a
 * producer retry would: same key, value and headers, published again to the same topic.
 */
final class KafkaDuplicator implements AutoCloseable {

    private static final String MARK = "test-duplicate";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Thread worker;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger duplicated = new AtomicInteger();

    KafkaDuplicator(String bootstrap, List<String> topics) {
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "duplicator-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        consumer.subscribe(topics);
        AtomicBoolean assigned = new AtomicBoolean();
        worker = Thread.ofPlatform().daemon().name("kafka-duplicator").start(() -> {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.headers().lastHeader(MARK) != null) {
                        continue;
                    }
                    ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
                    for (Header header : record.headers()) {
                        copy.headers().add(header);
                    }
                    copy.headers().add(MARK, new byte[] {1});
                    producer.send(copy);
                    duplicated.incrementAndGet();
                }
                if (!assigned.get() && !consumer.assignment().isEmpty()) {
                    // Fix the positions now, so every record published from here on is seen.
                    consumer.assignment().forEach(consumer::position);
                    assigned.set(true);
                }
            }
            consumer.close();
        });
        // Only records published after the partitions are assigned are seen: wait for that.
        await().atMost(Duration.ofSeconds(30)).untilTrue(assigned);
    }

    int duplicated() {
        return duplicated.get();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
