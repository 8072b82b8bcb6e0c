package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A product was created or updated. Carries the full current state, so consumers (search index,
 * cart price checks) never call back into the catalog. Apply only if {@code version} is newer than
 * what you hold: the topic is partitioned by sku, but redeliveries happen.
 *
 * <p>{@code @JsonProperty(required = true)} marks the required fields: Jackson then rejects events
 * without them and the generated schema lists them under {@code required}. Primitives are
 * required too (a missing price must not read as 0). The other fields may be null and are sent
 * as explicit nulls; {@code tags} is never null.
 *
 * @param sku         stock keeping unit, the product's key
 * @param description free text, may be null
 * @param brand       may be null (unbranded goods)
 * @param color       may be null, not every product comes in colours
 * @param size        may be null, not every product has sizes
 * @param priceCents  price in the currency's minor unit; integral to avoid rounding
 * @param currency    ISO 4217 code, e.g. {@code EUR}
 * @param tags        never null, empty if the product has none
 * @param version     catalog's optimistic-lock version, increases with every change
 * @param updatedAt   when the catalog stored this version
 */
public record ProductChanged(
        @JsonProperty(required = true) String sku,
        @JsonProperty(required = true) String name,
        String description,
        String brand,
        @JsonProperty(required = true) String category,
        String color,
        String size,
        long priceCents,
        @JsonProperty(required = true) String currency,
        List<String> tags,
        long version,
        @JsonProperty(required = true) Instant updatedAt) {

    public ProductChanged {
        Require.text(sku, "ProductChanged.sku");
        Require.text(name, "ProductChanged.name");
        Require.text(category, "ProductChanged.category");
        Require.text(currency, "ProductChanged.currency");
        tags = Require.list(tags, "ProductChanged.tags");
        Require.present(updatedAt, "ProductChanged.updatedAt");
    }
}
