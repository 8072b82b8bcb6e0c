package dev.shop.assistant.index;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.shop.events.ProductChanged;

/** What the assistant knows of a product: the searchable part of the catalog's product events. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(String sku, String name, String brand, String category, String color, String size,
                             long priceCents, String description, List<String> tags) {

    public CatalogProduct {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static CatalogProduct of(ProductChanged changed) {
        return new CatalogProduct(changed.sku(), changed.name(), changed.brand(), changed.category(),
                changed.color(), changed.size(), changed.priceCents(), changed.description(), changed.tags());
    }

    /** "Ceramic Mug (red)", "Crew Neck T-Shirt (navy, M)": how the assistant names it to a shopper. */
    public String label() {
        StringBuilder variant = new StringBuilder();
        if (color != null && !color.isBlank()) {
            variant.append(color);
        }
        if (size != null && !size.isBlank()) {
            variant.append(variant.isEmpty() ? "" : ", ").append("size ").append(size);
        }
        boolean named = brand == null || brand.isBlank()
                || name.toLowerCase(java.util.Locale.ROOT).startsWith(brand.toLowerCase(java.util.Locale.ROOT) + " ")
                || name.equalsIgnoreCase(brand);
        String base = named ? name : brand + " " + name;
        return variant.isEmpty() ? base : base + " (" + variant + ")";
    }
}
