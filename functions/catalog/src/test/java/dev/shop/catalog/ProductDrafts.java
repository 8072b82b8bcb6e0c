package dev.shop.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.shop.catalog.domain.ProductDraft;

/** Builds product drafts for tests: a valid mug unless told otherwise. */
public final class ProductDrafts {

    private String name = "Ceramic Mug";
    private String description = "A 350 ml stoneware mug";
    private String brand = "Hearth";
    private String category = "kitchen";
    private String color = "red";
    private String size;
    private long priceCents = 1299;
    private String currency = "USD";
    private List<String> tags = new ArrayList<>(List.of("mug", "coffee"));

    public static ProductDrafts aProduct() {
        return new ProductDrafts();
    }

    /** A SKU no other test uses. */
    public static String uniqueSku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public ProductDrafts name(String name) {
        this.name = name;
        return this;
    }

    public ProductDrafts category(String category) {
        this.category = category;
        return this;
    }

    public ProductDrafts color(String color) {
        this.color = color;
        return this;
    }

    public ProductDrafts priceCents(long priceCents) {
        this.priceCents = priceCents;
        return this;
    }

    public ProductDrafts tags(String... tags) {
        this.tags = new ArrayList<>(List.of(tags));
        return this;
    }

    public ProductDraft build() {
        return new ProductDraft(null, name, description, brand, category, color, size, priceCents, currency, tags);
    }
}
