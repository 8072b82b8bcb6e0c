package dev.shop.order.domain;

/** What {@code createOrder} decided for a checkout; a repeated command gets the same order. */
public sealed interface OrderOutcome {

    /** The checkout's order: recorded now ({@code created}) or by an earlier command. */
    record Placed(String orderId, boolean created) implements OrderOutcome {
    }

    /** Not recorded, and nothing was written; {@code reason} is for the shopper. */
    record Rejected(String reason) implements OrderOutcome {
    }
}
