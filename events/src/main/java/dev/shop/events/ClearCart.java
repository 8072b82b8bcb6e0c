package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Command: take what a checkout bought out of its cart and end the checkout's hold on it. Idempotent.
 *
 * @param taskToken  returned unchanged in the reply
 * @param cartId     the cart
 * @param checkoutId the checkout that bought its contents
 * @param lines      what was bought; the cart keeps anything beyond it. Empty (as older producers sent it):
 *                   the whole cart is emptied (added in v1, optional)
 */
public record ClearCart(
        @JsonProperty(required = true) String taskToken,
        @JsonProperty(required = true) String cartId,
        @JsonProperty(required = true) String checkoutId,
        List<StockLine> lines) {

    public ClearCart {
        Require.text(taskToken, "ClearCart.taskToken");
        Require.text(cartId, "ClearCart.cartId");
        Require.text(checkoutId, "ClearCart.checkoutId");
        lines = Require.list(lines, "ClearCart.lines");
    }

    /** As produced before {@code lines} existed: empty the whole cart. */
    public ClearCart(String taskToken, String cartId, String checkoutId) {
        this(taskToken, cartId, checkoutId, List.of());
    }
}
