package dev.shop.runtime.outbox;

import java.time.Instant;
import java.util.List;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ProductChanged;
import dev.shop.events.ProductDeleted;

/** Real platform events to put in an outbox. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope<ProductChanged> productChanged(String sku) {
        return EventEnvelope.of(EventTypes.PRODUCT_CHANGED, "/functions/runtime-test", "corr-" + sku,
                new ProductChanged(sku, "Travel Mug", null, null, "kitchen", "blue", null, 1299, "EUR",
                        List.of("mug"), 1, Instant.now()));
    }

    public static EventEnvelope<ProductDeleted> productDeleted(String sku) {
        return EventEnvelope.of(EventTypes.PRODUCT_DELETED, "/functions/runtime-test", "corr-" + sku,
                new ProductDeleted(sku, 2, Instant.now()));
    }

    /** Alternates the two types, so that the event-type header has something to tell apart. */
    public static EventEnvelope<?> event(int i, String sku) {
        return i % 2 == 0 ? productChanged(sku) : productDeleted(sku);
    }
}
