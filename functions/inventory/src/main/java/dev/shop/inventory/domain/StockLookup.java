package dev.shop.inventory.domain;

/** What {@code getStock} finds. */
public sealed interface StockLookup {

    record Found(Stock stock) implements StockLookup {
    }

    record NotFound(String sku) implements StockLookup {
    }
}
