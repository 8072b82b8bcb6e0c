package dev.shop.cart.domain;

import static dev.shop.cart.TestCarts.uniqueCartId;
import static dev.shop.cart.TestProducts.aProduct;
import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static dev.shop.testing.JsonResponses.bodyOf;
import static dev.shop.testing.Deliveries.deliver;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.shop.cart.CartOnRealServers;
import dev.shop.cart.CatalogEvents;
import dev.shop.cart.TestProducts;
import dev.shop.cart.domain.ProductPrices.Sync;
import dev.shop.events.EventEnvelope;
import dev.shop.events.ProductChanged;
import dev.shop.events.ProductDeleted;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.invocation.EventOutcome;
import dev.shop.runtime.invocation.Invocations;
import org.jdbi.v3.core.Jdbi;
import dev.shop.runtime.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The replica of catalog prices, filled by {@code syncCartPrices} from the real product-events topic. */
@CartOnRealServers
class ProductPricesTest {

    @Autowired
    CatalogEvents catalog;

    @Autowired
    ProductPrices prices;

    @Autowired
    HttpApi cartHttpApi;

    @Autowired
    Invocations invocations;

    @Autowired
    Jdbi jdbi;

    @Test
    void ignoresRedeliveredAndOlderProductEvents() {
        TestProducts mug = aProduct().name("Mug v2").price(1500).version(2);
        EventEnvelope<ProductChanged> current = catalog.publish(mug.sku(), mug.changed());
        catalog.awaitReplica(mug.sku(), row -> row.version() == 2);

        // Same key, so one partition and in this order: the redelivery is processed before the older event.
        catalog.publish(mug.sku(), current);
        EventEnvelope<ProductChanged> older = catalog.publish(mug.sku(),
                mug.name("Mug v1").price(900).version(1).changed());
        catalog.awaitProcessed(older);

        assertThat(catalog.replica(mug.sku())).contains(
                new ProductPrice(mug.sku(), "Mug v2", 1500L, "EUR", 2, false));
        assertThat(catalog.deliveriesRecorded(current)).isEqualTo(1);
        // What the consumer decided each time, asked directly.
        assertThat(deliver(invocations, "syncCartPrices", current)).isInstanceOf(EventOutcome.Redelivered.class);
        assertThat(apply(older.data())).isEqualTo(Sync.STALE);
        assertThat(apply(mug.version(2).changed().data())).as("an equal version is not newer").isEqualTo(Sync.STALE);
        assertThat(catalog.replica(mug.sku()).orElseThrow().priceCents()).isEqualTo(1500);
    }

    @Test
    void tombstonedProductCannotBeAdded() {
        TestProducts mug = aProduct().version(1);
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();
        assertThat(add(cartId, mug.sku()).status()).isEqualTo(200);

        catalog.publish(mug.sku(), mug.version(2).deleted());
        catalog.awaitReplica(mug.sku(), ProductPrice::deleted);
        EventEnvelope<ProductChanged> late = catalog.publish(mug.sku(), mug.version(1).changed());
        catalog.awaitProcessed(late);

        assertThat(catalog.replica(mug.sku())).hasValueSatisfying(row -> {
            assertThat(row.deleted()).isTrue();
            assertThat(row.version()).isEqualTo(2);
        });
        HttpResponse refused = add(uniqueCartId(), mug.sku());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(bodyOf(refused).get("detail").asText()).isEqualTo("No product with SKU " + mug.sku());
        assertThat(add(cartId, mug.sku()).status()).as("not even to a cart that holds it").isEqualTo(404);
    }

    @Test
    void deleteOfUnseenProductLeavesTombstoneThatOnlyNewerChangeRevives() {
        TestProducts bowl = aProduct().version(3);
        EventEnvelope<ProductDeleted> deleted = bowl.deleted();

        Sync applied = jdbi.<Sync, RuntimeException>inTransaction(h -> prices.deleted(h, deleted.data()));
        assertThat(applied).isEqualTo(Sync.APPLIED);
        assertThat(prices.find(bowl.sku())).contains(new ProductPrice(bowl.sku(), null, null, null, 3, true));
        assertThat(deliver(invocations, "syncCartPrices", deleted)).isInstanceOf(EventOutcome.Handled.class);
        assertThat(deliver(invocations, "syncCartPrices", deleted)).isInstanceOf(EventOutcome.Redelivered.class);

        EventEnvelope<ProductChanged> older = bowl.version(2).changed();
        assertThat(apply(older.data())).isEqualTo(Sync.STALE);
        EventEnvelope<ProductChanged> recreated = bowl.version(4).price(800).changed();
        assertThat(apply(recreated.data())).isEqualTo(Sync.APPLIED);
        assertThat(prices.find(bowl.sku())).contains(new ProductPrice(bowl.sku(), "Test product", 800L, "EUR", 4, false));
    }

    private Sync apply(ProductChanged changed) {
        return jdbi.<Sync, RuntimeException>inTransaction(h -> prices.changed(h, changed));
    }

    private HttpResponse add(String cartId, String sku) {
        return cartHttpApi.handle(post("/carts/" + cartId + "/items").jsonFields("sku", sku, "quantity", 1).build());
    }
}
