package dev.shop.cart.domain;

/**
 * One product in the cart's replica of the catalog. A deleted product is kept as a tombstone
 * ({@code deleted}, with the version of its delete) and may have no name or price.
 */
public record ProductPrice(String sku, String name, Long priceCents, String currency, long version,
                           boolean deleted) {
}
