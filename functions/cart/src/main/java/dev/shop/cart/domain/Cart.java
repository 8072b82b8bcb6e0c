package dev.shop.cart.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cart as the cart functions serve it: its lines in the order they were added, and the totals over them.
 * A cart holds one currency, that of its lines; an empty cart has none. {@code itemCount} is the number of
 * units (the sum of the quantities); {@code version} grows with every change. {@code checkoutId} names the
 * checkout buying the cart right now, if one is: until it ends the cart refuses changes.
 */
public record Cart(String cartId, List<CartLine> items, long totalCents, String currency, int itemCount,
                   long version, Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String checkoutId) {

    public Cart {
        items = List.copyOf(items);
    }

    public static Cart of(String cartId, List<CartLine> items, long version, Instant updatedAt) {
        return of(cartId, items, version, updatedAt, null);
    }

    public static Cart of(String cartId, List<CartLine> items, long version, Instant updatedAt, String checkoutId) {
        long total = items.stream().mapToLong(CartLine::lineTotalCents).sum();
        int count = items.stream().mapToInt(CartLine::quantity).sum();
        String currency = items.isEmpty() ? null : items.getFirst().currency();
        return new Cart(cartId, items, total, currency, count, version, updatedAt, checkoutId);
    }

    /** Whether a checkout holds the cart, so it must not change. */
    public boolean held() {
        return checkoutId != null;
    }

    public Optional<CartLine> line(String sku) {
        return items.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    /**
     * Why adding {@code quantity} of {@code product} is refused, if it is. Adding a SKU the cart holds adds to
     * that line, at its snapshot price, up to {@link CartLine#MAX_QUANTITY}; a new line must be priced in the
     * cart's currency.
     */
    public Optional<CartOutcome> refusalToAdd(ProductPrice product, int quantity) {
        Optional<CartLine> existing = line(product.sku());
        if (existing.isPresent()) {
            int merged = existing.get().quantity() + quantity;
            return merged > CartLine.MAX_QUANTITY
                    ? Optional.of(new CartOutcome.QuantityLimitExceeded(cartId, product.sku(), merged))
                    : Optional.empty();
        }
        if (currency != null && !currency.equals(product.currency())) {
            return Optional.of(new CartOutcome.CurrencyMismatch(cartId, currency, product.sku(), product.currency()));
        }
        return Optional.empty();
    }
}
