package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Command: empty a cart whose checkout succeeded. Idempotent.
 *
 * @param taskToken  returned unchanged in the reply
 * @param cartId     the cart to empty
 * @param checkoutId the checkout that bought its contents
 */
public record ClearCart(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String cartId,
        @JsonProperty(required = true) String checkoutId) {

    public ClearCart {
        Require.text(taskToken, "ClearCart.taskToken");
        Require.text(cartId, "ClearCart.cartId");
        Require.text(checkoutId, "ClearCart.checkoutId");
    }
}
