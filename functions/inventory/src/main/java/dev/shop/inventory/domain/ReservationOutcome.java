package dev.shop.inventory.domain;

import java.time.Instant;
import java.util.List;

/** What {@code reserveInventory} did for a checkout. */
public sealed interface ReservationOutcome {

    String checkoutId();

    /** Every line is held until {@code expiresAt} (or was, for a checkout already committed). */
    record Reserved(String checkoutId, Instant expiresAt) implements ReservationOutcome {
    }

    /** Nothing is held: these SKUs (in SKU order) lack the stock asked for, or are unknown. */
    record OutOfStock(String checkoutId, List<String> skus) implements ReservationOutcome {
        public OutOfStock {
            skus = List.copyOf(skus);
        }
    }

    /** The checkout's reservation was released or expired earlier; it is not held again. */
    record AlreadyReleased(String checkoutId, ReservationStatus status) implements ReservationOutcome {
    }
}
