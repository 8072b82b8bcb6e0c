package dev.shop.runtime.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.runtime.testing.KafkaTopics;
import dev.shop.runtime.testing.TestDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.shop.runtime.outbox.TestEvents.event;
import static dev.shop.runtime.outbox.TestEvents.productChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The relay against the real Postgres and the real Kafka broker. Each test has its own database and topic. */
class OutboxRelayTest {

    static final EventCodec codec = new EventCodec();
    static final Outbox outbox = new Outbox(codec);
    static final Duration RETAIN = Duration.ofDays(1);

    final List<OutboxRelay> relays = new ArrayList<>();
    TestDatabase database;
    Jdbi jdbi;

    @BeforeEach
    void migrate() {
        database = TestDatabase.migrated("relaytest");
        jdbi = database.jdbi();
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
        database.close();
    }

    @Test
    void publishesAppendedEventsInIdOrderWithIdAndTypeHeaders() {
        String topic = KafkaTopics.create("test-outbox-order", 1);
        OutboxRelay relay = relay(listening(), RETAIN).start();
        List<EventEnvelope<?>> appended = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = "SKU-" + i;
            EventEnvelope<?> event = event(i, key);
            appended.add(event);
            jdbi.useTransaction(h -> outbox.append(h, topic, key, event));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);

        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.readAll(topic, 6, Duration.ofMillis(500),
                Duration.ofSeconds(30));
        assertThat(records).extracting(r -> header(r, "event-id"))
                .containsExactlyElementsOf(appended.stream().map(EventEnvelope::id).toList());
        assertThat(records).extracting(r -> header(r, "event-type"))
                .containsExactlyElementsOf(appended.stream().map(EventEnvelope::type).toList());
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactly("SKU-0", "SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5");
        assertThat(records).extracting(r -> (Object) codec.decode(r.value())).containsExactlyElementsOf(appended);
        assertThat(database.count("select count(*) from outbox where published_at is not null")).isEqualTo(6);
    }

    @Test
    void neverPublishesAnEventWhoseTransactionRolledBack() {
        String topic = KafkaTopics.create("test-outbox-rollback", 1);
        OutboxRelay relay = relay(listening(), RETAIN).start();
        EventEnvelope<?> rolledBack = productChanged("SKU-rolled-back");
        EventEnvelope<?> committed = productChanged("SKU-committed");

        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            outbox.append(h, topic, "SKU-rolled-back", rolledBack);
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        jdbi.useTransaction(h -> outbox.append(h, topic, "SKU-committed", committed));

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.readAll(topic, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        assertThat(records).extracting(r -> header(r, "event-id")).containsExactly(committed.id());
        assertThat(KafkaTopics.recordCount(topic)).isEqualTo(1);
    }

    @Test
    void twoRelaysOnOneOutboxPublishEachEventExactlyOnce() {
        String topic = KafkaTopics.create("test-outbox-two-relays", 3);
        relay(listening(), RETAIN).start();
        relay(listening(), RETAIN).start();
        List<String> appended = new ArrayList<>();
        for (int tx = 0; tx < 10; tx++) {
            List<EventEnvelope<?>> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                events.add(event(i, "SKU-" + tx + "-" + i));
            }
            jdbi.useTransaction(h -> events.forEach(e -> outbox.append(h, topic, e.subject(), e)));
            events.forEach(e -> appended.add(e.id()));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> relays.getFirst().pending() == 0);

        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.readAll(topic, 1_000, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
        assertThat(records).extracting(r -> header(r, "event-id")).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(KafkaTopics.recordCount(topic)).isEqualTo(1_000);
    }

    @Test
    void skipsRowsAnotherRelayHoldsInsteadOfWaitingOrRepeatingThem() {
        String topic = KafkaTopics.create("test-outbox-skip-locked", 1);
        ManualNotifications idle = new ManualNotifications();
        OutboxRelay relay = relay(idle, RETAIN).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> idle.waits() > 0);
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            EventEnvelope<?> event = event(i, "SKU-" + i);
            jdbi.useTransaction(h -> outbox.append(h, topic, "SKU", event));
            appended.add(event.id());
        }

        try (Handle otherRelay = jdbi.open()) {
            otherRelay.begin();
            List<Long> held = otherRelay.createQuery("""
                            select id from outbox where published_at is null order by id limit 2
                            for update skip locked""")
                    .mapTo(Long.class).list();
            assertThat(held).hasSize(2);

            int published = assertTimeoutPreemptively(Duration.ofSeconds(20), relay::publishBatch);

            assertThat(published).isEqualTo(3);
            assertThat(relay.pending()).isEqualTo(2);
            otherRelay.rollback();
        }
        int rest = relay.publishBatch();

        assertThat(rest).isEqualTo(2);
        assertThat(relay.pending()).isZero();
        assertThat(relay.publishBatch()).isZero();
        List<ConsumerRecord<String, byte[]>> records = KafkaTopics.readAll(topic, 5, Duration.ofMillis(500),
                Duration.ofSeconds(30));
        // The two held rows come last: they were published after the lock was released.
        assertThat(records).extracting(r -> header(r, "event-id")).containsExactly(
                appended.get(2), appended.get(3), appended.get(4), appended.get(0), appended.get(1));
        assertThat(KafkaTopics.recordCount(topic)).isEqualTo(5);
    }

    @Test
    void publishesPendingRowsOnDemandWithoutABackgroundThread() {
        String topic = KafkaTopics.create("test-outbox-on-demand", 1);
        OutboxRelay relay = relay(listening(), RETAIN);
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EventEnvelope<?> event = productChanged("SKU-on-demand-" + i);
            appended.add(event.id());
            jdbi.useTransaction(h -> outbox.append(h, topic, event.subject(), event));
        }

        // What a Lambda invocation does before it returns: no thread is left behind to do it later.
        int published = relay.publishPending(1_000);

        assertThat(relay.running()).isFalse();
        assertThat(published).isEqualTo(3);
        assertThat(relay.pending()).isZero();
        assertThat(KafkaTopics.readAll(topic, 3, Duration.ofMillis(500), Duration.ofSeconds(30)))
                .extracting(r -> header(r, "event-id")).containsExactlyElementsOf(appended);
        relay.stop();
    }

    @Test
    void connectsToKafkaOnlyWhenThereIsSomethingToPublish() {
        String topic = KafkaTopics.create("test-outbox-lazy-producer", 1);
        OutboxRelay relay = relay(listening(), RETAIN);

        // A read-only invocation's flush: nothing waits, so no producer is opened (on Lambda that costs ~0.7 s).
        assertThat(relay.publishPending(1_000)).isZero();
        assertThat(relay.producerOpen()).isFalse();

        EventEnvelope<?> event = productChanged("SKU-lazy-producer");
        jdbi.useTransaction(h -> outbox.append(h, topic, event.subject(), event));
        assertThat(relay.publishPending(1_000)).isEqualTo(1);
        assertThat(relay.producerOpen()).isTrue();
        relay.stop();
    }

    @Test
    void publishesWhatWasAppendedWhileStoppedOnceStartedAgain() {
        String topic = KafkaTopics.create("test-outbox-restart", 1);
        OutboxRelay relay = relay(listening(), RETAIN).start();
        relay.stop();
        assertThat(relay.running()).isFalse();
        EventEnvelope<?> event = productChanged("SKU-while-stopped");
        jdbi.useTransaction(h -> outbox.append(h, topic, "SKU-while-stopped", event));
        assertThat(relay.pending()).as("no background thread relays while stopped").isEqualTo(1);

        relay.start();

        assertThat(relay.running()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(KafkaTopics.readAll(topic, 1, Duration.ofMillis(500), Duration.ofSeconds(30)))
                .extracting(r -> header(r, "event-id")).containsExactly(event.id());
    }

    @Test
    void deletesPublishedRowsOlderThanTheRetention() {
        String topic = KafkaTopics.create("test-outbox-retention", 1);
        for (int i = 0; i < 3; i++) {
            EventEnvelope<?> event = event(i, "SKU-" + i);
            jdbi.useTransaction(h -> outbox.append(h, topic, "SKU", event));
        }

        // Retention zero: the clean-up after the first batch removes what that batch published.
        relay(listening(), Duration.ZERO).start();

        await().atMost(Duration.ofSeconds(30)).until(() -> database.count("select count(*) from outbox") == 0);
        assertThat(KafkaTopics.recordCount(topic)).isEqualTo(3);
    }

    @Test
    void keepsPublishedRowsWithinTheRetention() {
        String topic = KafkaTopics.create("test-outbox-retained", 1);
        jdbi.useTransaction(h -> outbox.append(h, topic, "SKU", productChanged("SKU")));

        OutboxRelay relay = relay(listening(), RETAIN).start();

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(database.count("select count(*) from outbox where published_at is not null")).isEqualTo(1);
    }

    private OutboxRelay relay(OutboxRelay.NotificationSource notifications, Duration retention) {
        // A relay woken only by the test must not poll by itself in between.
        Duration idlePoll = notifications instanceof ManualNotifications ? Duration.ofMinutes(10) : Duration.ofSeconds(1);
        OutboxRelay relay = new OutboxRelay(jdbi,
                () -> KafkaTopics.producer(KafkaTopics.producerConfig(KafkaTopics.bootstrap(), Duration.ofSeconds(3))),
                notifications, idlePoll, retention);
        relays.add(relay);
        return relay;
    }

    private OutboxRelay.NotificationSource listening() {
        return new OutboxRelay.PostgresNotifications(database.url(), database.user(), database.password());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
