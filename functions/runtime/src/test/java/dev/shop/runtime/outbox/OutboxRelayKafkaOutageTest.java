package dev.shop.runtime.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.runtime.testing.KafkaTopics;
import dev.shop.runtime.testing.TestDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.shop.runtime.outbox.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Kafka unreachable, then back. The relay's producer bootstraps through a {@link TcpProxy} in front of the real
 * broker. After bootstrapping, a Kafka client talks to the broker's advertised address and would bypass the
 * proxy, so the outage is the proxy being down while the producer has never bootstrapped; bringing the proxy
 * up is Kafka coming back for that same relay and producer.
 */
class OutboxRelayKafkaOutageTest {

    static final EventCodec codec = new EventCodec();
    static final Outbox outbox = new Outbox(codec);

    TestDatabase database;
    Jdbi jdbi;
    TcpProxy proxy;
    OutboxRelay relay;
    final AtomicReference<Producer<String, byte[]>> producer = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated("outage");
        jdbi = database.jdbi();
        proxy = TcpProxy.forwardingTo(KafkaTopics.bootstrap());
    }

    @AfterEach
    void tearDown() {
        if (relay != null) {
            relay.stop();
        }
        proxy.stop();
        database.close();
    }

    @Test
    void kafkaBrieflyUnavailableLosesNothingAndDuplicatesNothing() {
        String topic = KafkaTopics.create("test-outbox-outage", 3);
        relay = relay(new OutboxRelay.PostgresNotifications(database.url(), database.user(), database.password()),
                Duration.ofSeconds(1)).start();
        List<String> appended = appendEvents(topic, 4, 5);

        // Kafka down: the relay tries, fails and keeps every row.
        await().atMost(Duration.ofSeconds(30)).until(() -> failedSends() >= 1);
        assertThat(relay.pending()).isEqualTo(20);
        assertThat(KafkaTopics.recordCount(topic)).isZero();
        assertThat(proxy.acceptedConnections()).isZero();

        // Kafka back: the same relay and producer bootstrap through the proxy and publish everything.
        proxy.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> relay.pending() == 0);
        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.readAll(topic, 20, Duration.ofSeconds(2),
                Duration.ofSeconds(30));
        assertThat(records).extracting(r -> header(r, "event-id")).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(KafkaTopics.recordCount(topic)).isEqualTo(20);
        assertThat(proxy.acceptedConnections()).isPositive();
        assertThat(relay.running()).isTrue();
    }

    @Test
    void publishBatchThrowsWhileKafkaIsDownAndLeavesRowsUnpublished() {
        String topic = KafkaTopics.create("test-outbox-outage-batch", 1);
        ManualNotifications idle = new ManualNotifications();
        relay = relay(idle, Duration.ofMinutes(10)).start();
        // The relay's own thread found nothing to do and waits to be woken: the test drives the batches.
        await().atMost(Duration.ofSeconds(30)).until(() -> idle.waits() > 0);
        List<String> appended = appendEvents(topic, 1, 3);

        assertThatThrownBy(relay::publishBatch).isInstanceOf(OutboxRelay.KafkaUnavailableException.class)
                .hasMessageContaining("did not acknowledge");

        assertThat(database.count("select count(*) from outbox where published_at is null")).isEqualTo(3);
        assertThat(relay.pending()).isEqualTo(3);
        assertThat(KafkaTopics.recordCount(topic)).isZero();

        proxy.start();

        await().atMost(Duration.ofSeconds(30)).ignoreException(OutboxRelay.KafkaUnavailableException.class)
                .until(() -> relay.publishBatch() == 3);
        assertThat(relay.pending()).isZero();
        assertThat(KafkaTopics.readAll(topic, 3, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .extracting(r -> header(r, "event-id")).containsExactlyElementsOf(appended);
        assertThat(KafkaTopics.recordCount(topic)).isEqualTo(3);
    }

    private List<String> appendEvents(String topic, int transactions, int perTransaction) {
        List<String> ids = new ArrayList<>();
        for (int tx = 0; tx < transactions; tx++) {
            List<EventEnvelope<?>> events = new ArrayList<>();
            for (int i = 0; i < perTransaction; i++) {
                events.add(event(i, "SKU-" + tx + "-" + i));
            }
            jdbi.useTransaction(h -> events.forEach(e -> outbox.append(h, topic, e.subject(), e)));
            events.forEach(e -> ids.add(e.id()));
        }
        return ids;
    }

    private OutboxRelay relay(OutboxRelay.NotificationSource notifications, Duration idlePoll) {
        // Kafka unreachable shows within a second rather than the runtime's three.
        return new OutboxRelay(jdbi, () -> {
            Producer<String, byte[]> created = KafkaTopics.producer(
                    KafkaTopics.producerConfig(proxy.address(), Duration.ofSeconds(1)));
            producer.set(created);
            return created;
        }, notifications, idlePoll, Duration.ofDays(1));
    }

    private double failedSends() {
        return KafkaTopics.producerMetric(producer.get(), "record-error-total");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
