package dev.shop.catalog.domain;

/** A page request of {@code listProducts}: optional text and category filters, keyset paging by SKU. */
public record ProductSearch(String text, String category, int limit, String afterSku) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public ProductSearch {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
