package dev.shop.order.domain;

/** What {@code getOrder} finds. */
public sealed interface OrderLookup {

    record Found(Order order) implements OrderLookup {
    }

    record NotFound(String orderId) implements OrderLookup {
    }
}
