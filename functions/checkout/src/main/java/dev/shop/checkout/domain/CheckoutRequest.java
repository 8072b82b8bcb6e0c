package dev.shop.checkout.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /checkouts}. {@code cartVersion}, optional, is the cart's {@code version} the
 * shopper saw: the checkout then buys exactly that cart, or refuses if it has changed since.
 */
public record CheckoutRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "must be a cart id") String cartId,
        @NotBlank @Size(max = 64) String customerId,
        @NotBlank @Size(max = 128) String paymentToken,
        @PositiveOrZero Long cartVersion) {

    public CheckoutRequest(String cartId, String customerId, String paymentToken) {
        this(cartId, customerId, paymentToken, null);
    }
}
