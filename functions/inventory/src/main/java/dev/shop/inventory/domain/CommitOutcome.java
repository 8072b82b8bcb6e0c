package dev.shop.inventory.domain;

/** What {@code commitInventory} did for a checkout. */
public sealed interface CommitOutcome {

    String checkoutId();

    /** The held stock is sold (now, or by an earlier commit). */
    record Committed(String checkoutId) implements CommitOutcome {
    }

    /** The hold was released or had expired: there is nothing left to sell. */
    record NoLongerHeld(String checkoutId, ReservationStatus status) implements CommitOutcome {
    }

    /** No reservation was ever made for the checkout. */
    record NotFound(String checkoutId) implements CommitOutcome {
    }
}
