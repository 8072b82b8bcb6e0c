package dev.shop.catalog.domain;

import java.time.Instant;
import java.util.List;

/** A product as the catalog serves it. {@code version} grows with every change, deletes included. */
public record Product(String sku, String name, String description, String brand, String category, String color,
                      String size, long priceCents, String currency, List<String> tags, long version,
                      Instant updatedAt) {

    public Product {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
