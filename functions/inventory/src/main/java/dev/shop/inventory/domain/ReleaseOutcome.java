package dev.shop.inventory.domain;

/** What {@code releaseInventory} did for a checkout. */
public sealed interface ReleaseOutcome {

    String checkoutId();

    /** The held stock is free again. */
    record Released(String checkoutId) implements ReleaseOutcome {
    }

    /** Nothing was held (never reserved, already released or expired): nothing to do, and that is fine. */
    record NothingHeld(String checkoutId) implements ReleaseOutcome {
    }

    /** The stock was sold; a sale is not undone by releasing it. */
    record AlreadyCommitted(String checkoutId) implements ReleaseOutcome {
    }
}
