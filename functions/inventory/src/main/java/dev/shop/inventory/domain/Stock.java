package dev.shop.inventory.domain;

/**
 * The stock of one SKU: {@code available} units are free to reserve, {@code reserved} units are held for
 * checkouts that have not yet committed or released them.
 */
public record Stock(String sku, long available, long reserved) {
}
