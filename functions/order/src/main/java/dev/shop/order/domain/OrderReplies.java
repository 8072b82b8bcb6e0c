package dev.shop.order.domain;

import java.util.Map;

import dev.shop.runtime.saga.TaskResult;

/** What the workflow hears from each order outcome: a stable error name for its Retry/Catch, words for shoppers. */
public final class OrderReplies {

    public static final String REJECTED = "Order.Rejected";

    private OrderReplies() {
    }

    public static TaskResult to(OrderOutcome outcome) {
        return switch (outcome) {
            case OrderOutcome.Placed placed -> TaskResult.succeeded(Map.of("orderId", placed.orderId()));
            case OrderOutcome.Rejected rejected -> TaskResult.failed(REJECTED, rejected.reason());
        };
    }
}
