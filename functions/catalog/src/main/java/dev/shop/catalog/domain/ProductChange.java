package dev.shop.catalog.domain;

/** What {@code upsertProduct} did. An identical PUT changes nothing and publishes nothing. */
public sealed interface ProductChange {

    Product product();

    record Created(Product product) implements ProductChange {
    }

    record Updated(Product product) implements ProductChange {
    }

    record Unchanged(Product product) implements ProductChange {
    }
}
