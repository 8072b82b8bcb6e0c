package dev.shop.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a cart or order, with the unit price the shopper saw when adding it. A value inside
 * {@link CartChanged} and {@link CreateOrder}, not an event type of its own.
 *
 * @param sku            the product
 * @param name           the product's name at that time
 * @param quantity       how many, at least 1
 * @param unitPriceCents price of one, in the currency's minor unit; not negative
 */
public record OrderLine(
        @JsonProperty(required = true) String sku,
        @JsonProperty(required = true) String name,
        @Minimum(1) int quantity,
        @Minimum(0) long unitPriceCents) {

    public OrderLine {
        Require.text(sku, "OrderLine.sku");
        Require.text(name, "OrderLine.name");
        Require.atLeast(quantity, 1, "OrderLine.quantity");
        Require.atLeast(unitPriceCents, 0, "OrderLine.unitPriceCents");
    }
}
