package dev.shop.events;

import java.time.Instant;
import java.util.List;

/** Fixed sample records for codec and envelope tests. */
final class SampleEvents {

    static final String SOURCE = "/functions/catalog";
    static final String CORRELATION_ID = "req-7f3a";

    private SampleEvents() {
    }

    static ProductChanged trailShoe() {
        return new ProductChanged("SKU-1001", "Trail Runner", "Light shoe for rough trails", "Peakline",
                "shoes", "blue", "42", 12_999, "EUR", List.of("running", "outdoor"), 3,
                Instant.parse("2025-03-14T09:26:53.589Z"));
    }

    /** Only the required fields; everything optional is null. */
    static ProductChanged giftCard() {
        return new ProductChanged("SKU-2002", "Gift card", null, null, "gift-cards", null, null, 2_500, "EUR",
                null, 1, Instant.parse("2025-03-15T10:00:00Z"));
    }

    static ProductDeleted deletedShoe() {
        return new ProductDeleted("SKU-1001", 4, Instant.parse("2025-03-16T08:00:00Z"));
    }
}
