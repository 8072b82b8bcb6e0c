package dev.shop.checkout.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /checkouts}. */
public record CheckoutRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "must be a cart id") String cartId,
        @NotBlank @Size(max = 64) String customerId,
        @NotBlank @Size(max = 128) String paymentToken) {
}
