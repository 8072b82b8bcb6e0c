package dev.shop.payment.domain;

/** What {@code refundPayment} did; refunding is idempotent, so a repeat gets the same outcome. */
public sealed interface RefundOutcome {

    /** The captured amount went back to the shopper (now, or by an earlier command). */
    record Refunded(String paymentId, long amountCents, String currency) implements RefundOutcome {
    }

    /** Nothing was captured, so nothing was refunded; the checkout is cancelled for good. */
    record NothingCaptured() implements RefundOutcome {
    }

    /** The provider could not refund now; retry. */
    record Unavailable(String reason) implements RefundOutcome {
    }
}
