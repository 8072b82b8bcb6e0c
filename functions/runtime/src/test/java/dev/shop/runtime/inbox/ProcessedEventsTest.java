package dev.shop.runtime.inbox;

import java.util.UUID;

import dev.shop.runtime.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessedEventsTest {

    static TestDatabase database;
    static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.migrated("inbox");
        jdbi = database.jdbi();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void firstDeliveryIsTrueOnceForAConsumer() {
        String eventId = UUID.randomUUID().toString();

        boolean first = jdbi.inTransaction(h -> ProcessedEvents.firstDelivery(h, "cart-prices", eventId));
        boolean redelivery = jdbi.inTransaction(h -> ProcessedEvents.firstDelivery(h, "cart-prices", eventId));
        boolean third = jdbi.inTransaction(h -> ProcessedEvents.firstDelivery(h, "cart-prices", eventId));

        assertThat(first).isTrue();
        assertThat(redelivery).isFalse();
        assertThat(third).isFalse();
    }

    @Test
    void anotherConsumerGetsItsOwnFirstDelivery() {
        String eventId = UUID.randomUUID().toString();
        jdbi.useTransaction(h -> ProcessedEvents.firstDelivery(h, "cart-prices", eventId));

        boolean otherConsumer = jdbi.inTransaction(h -> ProcessedEvents.firstDelivery(h, "cache-invalidation", eventId));

        assertThat(otherConsumer).isTrue();
    }

    @Test
    void aRolledBackEffectLeavesNoMarkSoTheRedeliveryIsApplied() {
        String eventId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            assertThat(ProcessedEvents.firstDelivery(h, "cart-prices", eventId)).isTrue();
            throw new IllegalStateException("the effect failed");
        })).hasMessage("the effect failed");

        boolean retried = jdbi.inTransaction(h -> ProcessedEvents.firstDelivery(h, "cart-prices", eventId));

        assertThat(retried).isTrue();
        assertThat(database.count("select count(*) from processed_events where event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfTheSameEventApplyOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();

        // The second transaction waits on the first's uncommitted row, then sees the conflict.
        try (var first = jdbi.open()) {
            first.begin();
            assertThat(ProcessedEvents.firstDelivery(first, "cart-prices", eventId)).isTrue();
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    jdbi.inTransaction(h -> ProcessedEvents.firstDelivery(h, "cart-prices", eventId)));
            first.commit();

            assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
        }
    }
}
