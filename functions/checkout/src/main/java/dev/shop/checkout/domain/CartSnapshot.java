package dev.shop.checkout.domain;

import java.util.List;

import dev.shop.events.OrderLine;

/**
 * A cart as the checkout last heard of it from the cart's events. {@code cartVersion} is the cart's own
 * version as its API shows it (null from producers that did not send it).
 */
public record CartSnapshot(String cartId, List<OrderLine> lines, String currency, boolean deleted, long version,
                           Long cartVersion) {

    public CartSnapshot {
        lines = List.copyOf(lines);
    }

    public boolean empty() {
        return deleted || lines.isEmpty();
    }

    public long totalCents() {
        return lines.stream().mapToLong(l -> l.unitPriceCents() * l.quantity()).sum();
    }
}
