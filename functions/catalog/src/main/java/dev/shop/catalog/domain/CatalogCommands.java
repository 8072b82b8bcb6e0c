package dev.shop.catalog.domain;

/** The commands of the catalog's write functions: what to change, and the correlation id its event carries. */
public final class CatalogCommands {

    private CatalogCommands() {
    }

    public record UpsertProduct(String sku, ProductDraft draft, String correlationId) {
    }

    public record DeleteProduct(String sku, String correlationId) {
    }
}
