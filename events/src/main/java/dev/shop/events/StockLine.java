package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A quantity of one SKU, as inventory holds it. A value inside {@link ReserveInventory}, not an
 * event type of its own.
 *
 * @param sku      the product
 * @param quantity how many, at least 1
 */
public record StockLine(
        @JsonProperty(required = true) String sku,
        @Minimum(1) int quantity) {

    public StockLine {
        Require.text(sku, "StockLine.sku");
        Require.atLeast(quantity, 1, "StockLine.quantity");
    }
}
