package dev.shop.checkout.domain;

/** What {@code startCheckout} did with a request. */
public sealed interface CheckoutStart {

    /** A new checkout is running; the cart is held for it, or had not answered yet. */
    record Started(String checkoutId) implements CheckoutStart {
    }

    /** The Idempotency-Key was seen with the same request: the checkout it started. */
    record Replayed(String checkoutId) implements CheckoutStart {
    }

    /** The Idempotency-Key was seen with a different request. */
    record KeyReused(String checkoutId) implements CheckoutStart {
    }

    /** Another checkout of the same cart is still running. */
    record CartInCheckout(String cartId, String checkoutId) implements CheckoutStart {
    }

    /**
     * The cart would not be bought: {@code cause} says why in the cart's words. The checkout ended at once,
     * nothing was held or charged; a replay of the same request answers the same.
     */
    record CartRefused(String checkoutId, CartRefusal refusal, String cause) implements CheckoutStart {
    }

    /** Why a cart would not be bought, by the error its checkout failed with. */
    enum CartRefusal {
        NOT_FOUND("Checkout.CartNotFound"),
        EMPTY("Checkout.CartEmpty"),
        CHANGED("Checkout.CartChanged"),
        IN_CHECKOUT("Checkout.CartInCheckout");

        private final String error;

        CartRefusal(String error) {
            this.error = error;
        }

        public String error() {
            return error;
        }

        static java.util.Optional<CartRefusal> of(String error) {
            for (CartRefusal refusal : values()) {
                if (refusal.error.equals(error)) {
                    return java.util.Optional.of(refusal);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
