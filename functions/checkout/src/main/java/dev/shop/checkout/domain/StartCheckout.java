package dev.shop.checkout.domain;

/** The command of {@code startCheckout}: the request under its Idempotency-Key, and the request's correlation id. */
public record StartCheckout(String idempotencyKey, CheckoutRequest request, String correlationId) {
}
