package dev.shop.catalog.domain;

import java.util.Optional;

/**
 * The catalog's business rules: cache-aside reads and writes that keep the cache honest. With cache reads
 * off ({@code shop.catalog.cache-enabled: false}) every read goes to the database, while writes and product
 * events still evict, so switching reads back on never serves an entry that missed a change.
 */
public class Products {

    private final ProductRepository products;
    private final ProductCache cache;
    private final boolean cacheReads;

    public Products(ProductRepository products, ProductCache cache, boolean cacheReads) {
        this.products = products;
        this.cache = cache;
        this.cacheReads = cacheReads;
    }

    public ProductLookup lookup(String sku) {
        if (!cacheReads) {
            return products.find(sku)
                    .<ProductLookup>map(product -> new ProductLookup.Found(product, false))
                    .orElseGet(() -> new ProductLookup.NotFound(sku));
        }
        Optional<Product> cached = cache.get(sku);
        if (cached.isPresent()) {
            return new ProductLookup.Found(cached.get(), true);
        }
        return products.find(sku)
                .<ProductLookup>map(product -> {
                    cache.put(product);
                    return new ProductLookup.Found(product, false);
                })
                .orElseGet(() -> new ProductLookup.NotFound(sku));
    }

    public ProductPage list(ProductSearch search) {
        return products.list(search);
    }

    /**
     * Writes the product and evicts this instance's cache entry at once, so the writer reads its own write;
     * the ProductChanged event evicts again for fills that raced with the commit.
     */
    public ProductChange upsert(String sku, ProductDraft draft, String correlationId) {
        ProductChange change = products.upsert(sku, draft, correlationId);
        if (!(change instanceof ProductChange.Unchanged)) {
            cache.evict(sku);
        }
        return change;
    }

    public ProductRemoval delete(String sku, String correlationId) {
        ProductRemoval removal = products.delete(sku, correlationId);
        cache.evict(sku);
        return removal;
    }

    /** A product event says {@code sku} is now at {@code version}: drop any older cached copy. */
    public void invalidate(String sku, long version) {
        cache.evictOlderThan(sku, version);
    }
}
