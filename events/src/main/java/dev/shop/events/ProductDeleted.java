package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A product was removed from the catalog. Consumers drop it; {@code version} lets them ignore a
 * delete that arrives after a newer re-creation.
 *
 * @param sku       the removed product's key
 * @param version   catalog version at deletion
 * @param deletedAt when the catalog deleted it
 */
public record ProductDeleted(
        @JsonProperty(required = true) String sku,
        long version,
        @JsonProperty(required = true) Instant deletedAt) {

    public ProductDeleted {
        Require.text(sku, "ProductDeleted.sku");
        Require.present(deletedAt, "ProductDeleted.deletedAt");
    }
}
