package dev.shop.checkout.domain;

/** What {@code startCheckout} did with a request. */
public sealed interface CheckoutStart {

    /** A new checkout is running. */
    record Started(String checkoutId) implements CheckoutStart {
    }

    /** The Idempotency-Key was seen with the same request: the checkout it started. */
    record Replayed(String checkoutId) implements CheckoutStart {
    }

    /** The Idempotency-Key was seen with a different request. */
    record KeyReused(String checkoutId) implements CheckoutStart {
    }

    record CartNotFound(String cartId) implements CheckoutStart {
    }

    record CartEmpty(String cartId) implements CheckoutStart {
    }

    /** The shopper saw a newer cart than the checkout has heard of yet: retry in a moment. */
    record CartNotCaughtUp(String cartId, long requested) implements CheckoutStart {
    }

    /** The cart changed after the shopper saw the version they asked to buy. */
    record CartChangedSince(String cartId, long requested, long current) implements CheckoutStart {
    }

    /** Another checkout of the same cart is still running. */
    record CartInCheckout(String cartId, String checkoutId) implements CheckoutStart {
    }
}
