package dev.shop.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One product of the {@link DemoCatalog}: the fields of a {@code PUT /products/{sku}} body, plus {@code stock}.
 *
 * @param color null where a product comes in one finish only
 * @param size  null unless the product is sized (apparel S..XL, footwear EU 38..46)
 * @param stock units on hand, seeded into the inventory function; the catalog does not store it,
 *              so {@link #body()} leaves it out
 */
public record DemoProduct(String sku, String name, String description, String brand, String category, String color,
                          String size, long priceCents, String currency, List<String> tags, int stock) {

    public DemoProduct {
        tags = List.copyOf(tags);
    }

    /** The JSON body of {@code PUT /products/{sku}} for this product (no stock, no nulls). */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("brand", brand);
        body.put("category", category);
        if (color != null) {
            body.put("color", color);
        }
        if (size != null) {
            body.put("size", size);
        }
        body.put("priceCents", priceCents);
        body.put("currency", currency);
        body.put("tags", tags);
        return body;
    }
}
