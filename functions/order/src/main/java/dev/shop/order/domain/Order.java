package dev.shop.order.domain;

import java.time.Instant;
import java.util.List;

/** A recorded order with its lines, at the prices paid. */
public record Order(String orderId, String checkoutId, String customerId, OrderStatus status, long totalCents,
                    String currency, Instant createdAt, List<Line> lines) {

    public Order {
        lines = List.copyOf(lines);
    }

    public record Line(int lineNo, String sku, String name, int quantity, long unitPriceCents) {
    }
}
