package dev.shop.catalog.domain;

import java.util.List;

/** One page of products; {@code lastSku} is set when more may follow. */
public record ProductPage(List<Product> items, String lastSku) {

    public ProductPage {
        items = List.copyOf(items);
    }
}
