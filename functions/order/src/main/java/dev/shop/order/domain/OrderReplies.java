package dev.shop.order.domain;

import java.util.Map;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;

/** The task reply the workflow waits for, one per CreateOrder handled. */
public final class OrderReplies {

    public static final String SOURCE = "/functions/order";
    public static final String REJECTED = "Order.Rejected";

    private OrderReplies() {
    }

    public static EventEnvelope<?> to(String taskToken, String correlationId, OrderOutcome outcome) {
        return switch (outcome) {
            case OrderOutcome.Placed placed -> EventEnvelope.of(EventTypes.TASK_SUCCEEDED, SOURCE, correlationId,
                    new TaskSucceeded(taskToken, Map.of("orderId", placed.orderId())));
            case OrderOutcome.Rejected rejected -> EventEnvelope.of(EventTypes.TASK_FAILED, SOURCE, correlationId,
                    new TaskFailed(taskToken, REJECTED, rejected.reason()));
        };
    }
}
