package dev.shop.payment.domain;

import java.util.Map;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;

/** The task replies the workflow waits for, one per command handled. */
public final class PaymentReplies {

    public static final String SOURCE = "/functions/payment";
    public static final String DECLINED = "Payment.Declined";
    public static final String UNAVAILABLE = "Payment.Unavailable";

    private PaymentReplies() {
    }

    public static EventEnvelope<?> to(String taskToken, String correlationId, PaymentOutcome outcome) {
        return switch (outcome) {
            case PaymentOutcome.Captured captured -> succeeded(taskToken, correlationId,
                    Map.of("paymentId", captured.paymentId(), "amountCents", captured.amountCents()));
            case PaymentOutcome.Declined declined -> failed(taskToken, correlationId, DECLINED, declined.reason());
            case PaymentOutcome.Unavailable unavailable ->
                    failed(taskToken, correlationId, UNAVAILABLE, unavailable.reason());
        };
    }

    public static EventEnvelope<?> to(String taskToken, String correlationId, RefundOutcome outcome) {
        return switch (outcome) {
            case RefundOutcome.Refunded refunded -> succeeded(taskToken, correlationId, Map.of("refunded", true,
                    "paymentId", refunded.paymentId(), "amountCents", refunded.amountCents()));
            case RefundOutcome.NothingCaptured nothing ->
                    succeeded(taskToken, correlationId, Map.of("refunded", false));
            case RefundOutcome.Unavailable unavailable ->
                    failed(taskToken, correlationId, UNAVAILABLE, unavailable.reason());
        };
    }

    private static EventEnvelope<TaskSucceeded> succeeded(String taskToken, String correlationId,
                                                          Map<String, Object> output) {
        return EventEnvelope.of(EventTypes.TASK_SUCCEEDED, SOURCE, correlationId, new TaskSucceeded(taskToken, output));
    }

    private static EventEnvelope<TaskFailed> failed(String taskToken, String correlationId, String error,
                                                    String cause) {
        return EventEnvelope.of(EventTypes.TASK_FAILED, SOURCE, correlationId, new TaskFailed(taskToken, error, cause));
    }
}
