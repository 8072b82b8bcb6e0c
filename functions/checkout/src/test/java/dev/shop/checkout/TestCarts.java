package dev.shop.checkout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.shop.events.CartChanged;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.OrderLine;

/**
 * Carts as the cart module announces them, for tests:
 * {@code aCart().line("MUG", "Mug", 2, 1299).version(1).changed()}. Every cart gets a unique id, and every line
 * added with {@link #withLine} a unique SKU, so tests never see each other's carts.
 */
public final class TestCarts {

    private static final String SOURCE = "/functions/cart";

    private String cartId = uniqueCartId();
    private final List<OrderLine> lines = new ArrayList<>();
    private String currency = "EUR";
    private long version = 1;
    private String correlationId = "cart-test-" + UUID.randomUUID();

    private TestCarts() {
    }

    /** An empty cart at version 1; add lines with {@link #line} or {@link #withLine}. */
    public static TestCarts aCart() {
        return new TestCarts();
    }

    /** A cart with one line (2 x 1299 EUR) of a SKU no other test uses. */
    public static TestCarts aCartWithItems() {
        return aCart().withLine(2, 1299);
    }

    public static String uniqueCartId() {
        return "cart-" + UUID.randomUUID();
    }

    public static String uniqueSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    public TestCarts cartId(String cartId) {
        this.cartId = cartId;
        return this;
    }

    public TestCarts line(String sku, String name, int quantity, long unitPriceCents) {
        lines.add(new OrderLine(sku, name, quantity, unitPriceCents));
        return this;
    }

    /** A line of a fresh SKU. */
    public TestCarts withLine(int quantity, long unitPriceCents) {
        String sku = uniqueSku();
        return line(sku, "Product " + sku, quantity, unitPriceCents);
    }

    /** The cart emptied (all lines removed); it still exists. */
    public TestCarts noLines() {
        lines.clear();
        return this;
    }

    public TestCarts currency(String currency) {
        this.currency = currency;
        return this;
    }

    public TestCarts version(long version) {
        this.version = version;
        return this;
    }

    /** The correlation id the events carry as their subject. */
    public TestCarts correlationId(String correlationId) {
        this.correlationId = correlationId;
        return this;
    }

    public String cartId() {
        return cartId;
    }

    public long version() {
        return version;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public long totalCents() {
        return lines.stream().mapToLong(l -> l.quantity() * l.unitPriceCents()).sum();
    }

    /** The cart's state at this version, as the cart's outbox announces it after any change. */
    public EventEnvelope<CartChanged> changed() {
        return EventEnvelope.of(EventTypes.CART_CHANGED, SOURCE, correlationId,
                new CartChanged(cartId, List.copyOf(lines), lines.isEmpty() ? null : currency, false, version, Instant.now(),
                        version));
    }

    /** The cart deleted at this version: no lines, no currency. */
    public EventEnvelope<CartChanged> deleted() {
        return EventEnvelope.of(EventTypes.CART_CHANGED, SOURCE, correlationId,
                new CartChanged(cartId, List.of(), null, true, version, Instant.now()));
    }
}
