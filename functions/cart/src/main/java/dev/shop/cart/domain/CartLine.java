package dev.shop.cart.domain;

/**
 * One line of a cart. {@code name}, {@code unitPriceCents} and {@code currency} are the product's as they were
 * when the line was added (the price snapshot): later catalog changes do not alter them.
 */
public record CartLine(String sku, String name, int quantity, long unitPriceCents, String currency,
                       long lineTotalCents) {

    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 99;

    public CartLine(String sku, String name, int quantity, long unitPriceCents, String currency) {
        this(sku, name, quantity, unitPriceCents, currency, quantity * unitPriceCents);
    }

    public CartLine {
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be from " + MIN_QUANTITY + " to " + MAX_QUANTITY);
        }
        if (lineTotalCents != quantity * unitPriceCents) {
            throw new IllegalArgumentException("lineTotalCents must be quantity * unitPriceCents");
        }
    }
}
