package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command (compensation): let go of a cart a checkout held, unchanged, so its shopper can change it again.
 * Idempotent; releasing a hold that never arrived records that the checkout ended, so a late
 * {@link FreezeCart} of it holds nothing. Answered with a {@link TaskSucceeded} ({@code released}).
 *
 * @param taskToken  returned unchanged in the reply
 * @param cartId     the cart
 * @param checkoutId the checkout that held it
 */
public record ReleaseCart(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String cartId,
        @JsonProperty(required = true) String checkoutId) {

    public ReleaseCart {
        Require.text(taskToken, "ReleaseCart.taskToken");
        Require.text(cartId, "ReleaseCart.cartId");
        Require.text(checkoutId, "ReleaseCart.checkoutId");
    }
}
