package dev.shop.order.domain;

import java.util.List;

/** One page of orders; {@code lastOrderId} is set when more may follow. */
public record OrderPage(List<Order> items, String lastOrderId) {

    public OrderPage {
        items = List.copyOf(items);
    }
}
