package dev.shop.cart;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ProductChanged;
import dev.shop.events.ProductDeleted;

/**
 * Products as the catalog announces them, for tests: {@code aProduct().sku("MUG").price(1299).changed()}.
 * Every product gets a unique SKU unless one is given, so tests never see each other's products.
 */
public final class TestProducts {

    private static final String SOURCE = "/functions/catalog";

    private String sku = uniqueSku("TEST");
    private String name = "Test product";
    private long priceCents = 1000;
    private String currency = "EUR";
    private long version = 1;
    private String correlationId = "test-" + UUID.randomUUID();

    private TestProducts() {
    }

    public static TestProducts aProduct() {
        return new TestProducts();
    }

    /** A SKU no other test uses, e.g. {@code MUG-3f9a0c21}. */
    public static String uniqueSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public TestProducts sku(String sku) {
        this.sku = sku;
        return this;
    }

    public TestProducts name(String name) {
        this.name = name;
        return this;
    }

    public TestProducts price(long priceCents) {
        this.priceCents = priceCents;
        return this;
    }

    public TestProducts currency(String currency) {
        this.currency = currency;
        return this;
    }

    public TestProducts version(long version) {
        this.version = version;
        return this;
    }

    /** The correlation id the events carry as their subject. */
    public TestProducts correlationId(String correlationId) {
        this.correlationId = correlationId;
        return this;
    }

    public String sku() {
        return sku;
    }

    public long version() {
        return version;
    }

    /** This product's current state, as the catalog publishes it after a create or update. */
    public EventEnvelope<ProductChanged> changed() {
        return EventEnvelope.of(EventTypes.PRODUCT_CHANGED, SOURCE, correlationId,
                new ProductChanged(sku, name, null, null, "Kitchen", null, null, priceCents, currency, List.of(),
                        version, Instant.now()));
    }

    /** The catalog deleting this product at this version. */
    public EventEnvelope<ProductDeleted> deleted() {
        return EventEnvelope.of(EventTypes.PRODUCT_DELETED, SOURCE, correlationId,
                new ProductDeleted(sku, version, Instant.now()));
    }
}
