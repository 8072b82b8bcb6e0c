package dev.shop.payment.domain;

/** What {@code processPayment} decided for a checkout; a repeated command gets the same outcome. */
public sealed interface PaymentOutcome {

    /** The checkout is paid: now, or by an earlier command for it. */
    record Captured(String paymentId, long amountCents, String currency) implements PaymentOutcome {
    }

    /** Permanently refused; {@code reason} is for the shopper. */
    record Declined(String reason) implements PaymentOutcome {
    }

    /** Nothing was charged this time; the same command may succeed when retried. */
    record Unavailable(String reason) implements PaymentOutcome {
    }
}
