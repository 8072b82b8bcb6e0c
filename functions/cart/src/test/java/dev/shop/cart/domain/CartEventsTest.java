package dev.shop.cart.domain;

import static dev.shop.cart.TestCarts.uniqueCartId;
import static dev.shop.cart.TestProducts.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.shop.cart.CartOnRealServers;
import dev.shop.cart.CatalogEvents;
import dev.shop.cart.TestProducts;
import dev.shop.events.CartChanged;
import dev.shop.events.ClearCart;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.TaskSucceeded;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.testing.KafkaTestClient;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The cart tells the checkout about every change, and empties itself when a checkout says so. */
@CartOnRealServers
class CartEventsTest {

    @Autowired
    CatalogEvents catalog;
    @Autowired
    Carts carts;
    @Autowired
    Jdbi jdbi;
    @Autowired
    EventCodec codec;
    @Autowired
    FunctionManifest manifest;
    @Value("${shop.kafka.bootstrap}")
    String bootstrap;

    @Test
    void publishesWholeCartStateWithEveryChangeAndNewerVersionsAfterRecreation() {
        TestProducts mug = aProduct().price(1200).currency("USD");
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();

        carts.add(cartId, mug.sku(), 2, "c1");
        carts.setQuantity(cartId, mug.sku(), 5, "c2");
        carts.remove(cartId, mug.sku(), "c3");
        carts.delete(cartId, "c4");
        carts.add(cartId, mug.sku(), 1, "c5");

        List<EventEnvelope<CartChanged>> events = outboxEvents(cartId);
        assertThat(events).extracting(EventEnvelope::subject).containsExactly("c1", "c2", "c3", "c4", "c5");
        List<CartChanged> changes = events.stream().map(EventEnvelope::data).toList();
        assertThat(changes).extracting(CartChanged::version).isSorted().doesNotHaveDuplicates();
        assertThat(changes.get(0).lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.unitPriceCents()).isEqualTo(1200);
        });
        assertThat(changes.get(0).currency()).isEqualTo("USD");
        assertThat(changes.get(1).lines().getFirst().quantity()).isEqualTo(5);
        assertThat(changes.get(2).lines()).isEmpty();
        assertThat(changes.get(3).deleted()).isTrue();
        assertThat(changes.get(4).deleted()).isFalse();
    }

    @Test
    void clearCartEmptiesTheCartAndRepliesOnceEvenWhenRedelivered() throws Exception {
        TestProducts mug = aProduct();
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();
        carts.add(cartId, mug.sku(), 3, "setup");
        String checkoutId = "chk_" + UUID.randomUUID().toString().replace("-", "");
        EventEnvelope<ClearCart> command = EventEnvelope.of(EventTypes.CLEAR_CART, "/functions/checkout", checkoutId,
                new ClearCart("token-" + checkoutId, cartId, checkoutId));

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            for (int delivery = 0; delivery < 2; delivery++) {
                kafka.publish(manifest.topicName("clear-cart"), checkoutId, command);
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> carts.find(cartId).orElseThrow().items().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> replies(checkoutId).size() == 1);
        assertThat(replies(checkoutId)).singleElement().satisfies(reply -> {
            assertThat(reply.taskToken()).isEqualTo("token-" + checkoutId);
            assertThat(reply.output()).containsEntry("cleared", true);
        });
    }

    private List<EventEnvelope<CartChanged>> outboxEvents(String cartId) {
        return jdbi.withHandle(h -> h.createQuery("select payload from outbox where message_key = :key "
                        + "and event_type = 'shop.cart.changed.v1' order by id")
                .bind("key", cartId)
                .mapTo(byte[].class)
                .map(bytes -> codec.decode(bytes, EventTypes.CART_CHANGED))
                .list());
    }

    private List<TaskSucceeded> replies(String checkoutId) {
        return jdbi.withHandle(h -> h.createQuery("select payload from outbox where message_key = :key "
                        + "and event_type = 'shop.task.succeeded.v1' order by id")
                .bind("key", checkoutId)
                .mapTo(byte[].class)
                .map(bytes -> codec.decode(bytes, EventTypes.TASK_SUCCEEDED).data())
                .list());
    }
}
