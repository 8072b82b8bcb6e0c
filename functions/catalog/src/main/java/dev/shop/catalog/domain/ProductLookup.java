package dev.shop.catalog.domain;

/** What {@code getProduct} finds. */
public sealed interface ProductLookup {

    record Found(Product product, boolean fromCache) implements ProductLookup {
    }

    record NotFound(String sku) implements ProductLookup {
    }
}
