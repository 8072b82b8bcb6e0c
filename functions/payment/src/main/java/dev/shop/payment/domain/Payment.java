package dev.shop.payment.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A checkout's payment. {@code paymentId} is set once captured; {@code attempts} counts the provider
 * calls it took.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Payment(String checkoutId, String paymentId, String customerId, long amountCents, String currency,
                      PaymentStatus status, String providerReference, String declineReason, int attempts,
                      Instant createdAt, Instant updatedAt) {
}
