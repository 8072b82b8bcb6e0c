package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command: hold a cart for a checkout and answer with what it holds. The cart is the one authority on its
 * contents, so the checkout buys exactly what the shopper last changed; while held, the cart refuses
 * changes until the checkout clears or releases it, or the hold runs out. At most one hold per checkout: a
 * redelivered command answers with the same lines. Answered with a {@link TaskSucceeded} ({@code lines},
 * {@code stockLines}, {@code totalCents}, {@code currency}, {@code cartVersion}) or a {@link TaskFailed} with
 * error {@code Cart.NotFound}, {@code Cart.Empty}, {@code Cart.VersionMismatch}, {@code Cart.InCheckout} or
 * {@code Cart.CheckoutEnded}.
 *
 * @param taskToken   returned unchanged in the reply
 * @param cartId      the cart to hold
 * @param checkoutId  the checkout that holds it (the idempotency key)
 * @param cartVersion the cart version the shopper asked to buy, or null for the cart as it is
 * @param holdSeconds how long the hold lasts at most, at least 1: a checkout that never ends cannot keep the
 *                    cart from its shopper
 */
public record FreezeCart(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String cartId,
        @JsonProperty(required = true) String checkoutId,
        @Minimum(0) Long cartVersion,
        @Minimum(1) int holdSeconds) {

    public FreezeCart {
        Require.text(taskToken, "FreezeCart.taskToken");
        Require.text(cartId, "FreezeCart.cartId");
        Require.text(checkoutId, "FreezeCart.checkoutId");
        if (cartVersion != null) {
            Require.atLeast(cartVersion, 0, "FreezeCart.cartVersion");
        }
        Require.atLeast(holdSeconds, 1, "FreezeCart.holdSeconds");
    }
}
