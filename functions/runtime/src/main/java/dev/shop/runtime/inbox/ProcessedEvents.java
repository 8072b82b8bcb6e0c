package dev.shop.runtime.inbox;

import org.jdbi.v3.core.Handle;

/**
 * Idempotent consumer support: call {@link #firstDelivery} inside the transaction that applies an event's
 * effect. It records the event id for the consumer and says whether this is the first time, so a
 * redelivered event is skipped and the effect happens once.
 */
public final class ProcessedEvents {

    private ProcessedEvents() {
    }

    public static boolean firstDelivery(Handle handle, String consumer, String eventId) {
        return handle.createUpdate("""
                        insert into processed_events (consumer, event_id) values (:consumer, :eventId)
                        on conflict do nothing""")
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .execute() == 1;
    }
}
