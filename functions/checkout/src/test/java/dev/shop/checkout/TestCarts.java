package dev.shop.checkout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.shop.events.OrderLine;
import dev.shop.events.StockLine;

/**
 * Carts as the cart function holds them, for tests: {@code aCart().line("MUG", "Mug", 2, 1299).version(1)}. Every
 * cart gets a unique id, and every line added with {@link #withLine} a unique SKU, so tests never see each other's
 * carts. {@link CartParticipant} answers the saga's FreezeCart from them.
 */
public final class TestCarts {

    private String cartId = uniqueCartId();
    private final List<OrderLine> lines = new ArrayList<>();
    private String currency = "EUR";
    private long version = 1;

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

    public String currency() {
        return lines.isEmpty() ? null : currency;
    }

    public List<StockLine> stockLines() {
        return lines.stream().map(l -> new StockLine(l.sku(), l.quantity())).toList();
    }

    /** What the cart function answers a FreezeCart of this cart with: the checkout buys exactly this. */
    public Map<String, Object> purchase() {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("cartVersion", version);
        output.put("lines", lines());
        output.put("stockLines", stockLines());
        output.put("totalCents", totalCents());
        output.put("currency", currency());
        return output;
    }

    /** A copy, so a test can register the cart's next state while it keeps this one. */
    public TestCarts copy() {
        TestCarts copy = aCart().cartId(cartId).currency(currency).version(version);
        copy.lines.addAll(lines);
        return copy;
    }
}
