package dev.shop.checkout.domain;

import java.util.List;

import dev.shop.events.OrderLine;

/** A cart as the checkout last heard of it from the cart's events. */
public record CartSnapshot(String cartId, List<OrderLine> lines, String currency, boolean deleted, long version) {

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
