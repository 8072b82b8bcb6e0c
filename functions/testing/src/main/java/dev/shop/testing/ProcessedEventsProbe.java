package dev.shop.testing;

import java.time.Duration;

import org.jdbi.v3.core.Jdbi;

import static org.awaitility.Awaitility.await;

/**
 * Reads a module's {@code processed_events} table (the idempotent consumer's record of what it handled) to tell
 * when a consumer has processed an event, whether that changed anything or not.
 */
public final class ProcessedEventsProbe {

    private final Jdbi jdbi;
    private final String consumer;

    /** For the consumer that records its events under {@code consumer}, in the module's database. */
    public ProcessedEventsProbe(Jdbi jdbi, String consumer) {
        this.jdbi = jdbi;
        this.consumer = consumer;
    }

    /** How many times the event is recorded as processed: 0 or 1. */
    public long timesRecorded(String eventId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from processed_events where consumer = :consumer and event_id = :id")
                .bind("consumer", consumer)
                .bind("id", eventId)
                .mapTo(Long.class)
                .one());
    }

    /** Waits up to {@code atMost} until the event is recorded; {@code alias} names the wait in a failure. */
    public void awaitRecorded(String alias, String eventId, Duration atMost) {
        await(alias).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> timesRecorded(eventId) > 0);
    }
}
