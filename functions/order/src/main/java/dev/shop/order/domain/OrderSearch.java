package dev.shop.order.domain;

/** A page request of {@code listOrders}: one customer's orders, newest first, keyset paging by order id. */
public record OrderSearch(String customerId, int limit, String beforeOrderId) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public OrderSearch {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
