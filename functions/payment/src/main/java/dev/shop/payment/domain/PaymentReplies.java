package dev.shop.payment.domain;

import java.util.Map;

import dev.shop.runtime.saga.TaskResult;

/** What the workflow hears from each payment outcome: a stable error name for its Retry/Catch, words for shoppers. */
public final class PaymentReplies {

    public static final String DECLINED = "Payment.Declined";
    public static final String UNAVAILABLE = "Payment.Unavailable";

    private PaymentReplies() {
    }

    public static TaskResult to(PaymentOutcome outcome) {
        return switch (outcome) {
            case PaymentOutcome.Captured captured -> TaskResult.succeeded(
                    Map.of("paymentId", captured.paymentId(), "amountCents", captured.amountCents()));
            case PaymentOutcome.Declined declined -> TaskResult.failed(DECLINED, declined.reason());
            case PaymentOutcome.Unavailable unavailable -> TaskResult.failed(UNAVAILABLE, unavailable.reason());
        };
    }

    public static TaskResult to(RefundOutcome outcome) {
        return switch (outcome) {
            case RefundOutcome.Refunded refunded -> TaskResult.succeeded(Map.of("refunded", true,
                    "paymentId", refunded.paymentId(), "amountCents", refunded.amountCents()));
            case RefundOutcome.NothingCaptured nothing -> TaskResult.succeeded(Map.of("refunded", false));
            case RefundOutcome.Unavailable unavailable -> TaskResult.failed(UNAVAILABLE, unavailable.reason());
        };
    }
}
