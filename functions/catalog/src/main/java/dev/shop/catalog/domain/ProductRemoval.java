package dev.shop.catalog.domain;

/** What {@code deleteProduct} did. */
public sealed interface ProductRemoval {

    record Deleted(String sku, long version) implements ProductRemoval {
    }

    record NotFound(String sku) implements ProductRemoval {
    }
}
