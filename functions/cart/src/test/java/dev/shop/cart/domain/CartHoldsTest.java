package dev.shop.cart.domain;

import static dev.shop.cart.TestCarts.uniqueCartId;
import static dev.shop.cart.TestProducts.aProduct;
import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static dev.shop.testing.JsonResponses.bodyOf;
import static dev.shop.testing.Deliveries.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.InstanceOfAssertFactories;
import dev.shop.cart.CartOnRealServers;
import dev.shop.cart.CatalogEvents;
import dev.shop.cart.TestProducts;
import dev.shop.events.ClearCart;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.FreezeCart;
import dev.shop.events.ReleaseCart;
import dev.shop.events.StockLine;
import dev.shop.events.TaskFailed;
import dev.shop.events.TaskSucceeded;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.testing.KafkaTestClient;
import dev.shop.testing.OutboxReplies;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The checkout's side of carts: a checkout holds the cart and is told exactly what it holds; while held the cart
 * refuses every change; the checkout then takes out what it bought, or lets the cart go.
 */
@CartOnRealServers
class CartHoldsTest {

    @Autowired
    CatalogEvents catalog;
    @Autowired
    Carts carts;
    @Autowired
    Invocations invocations;
    @Autowired
    HttpApi cartHttpApi;
    @Autowired
    Jdbi jdbi;
    @Autowired
    EventCodec codec;
    @Autowired
    FunctionManifest manifest;
    @Value("${shop.kafka.bootstrap}")
    String bootstrap;

    @Test
    void freezeAnswersWithWhatTheCartHoldsAndHoldsIt() {
        TestProducts mug = product(1200);
        TestProducts pen = product(150);
        String cartId = uniqueCartId();
        carts.add(cartId, mug.sku(), 2, "setup");
        Cart cart = updated(carts.add(cartId, pen.sku(), 3, "setup"));
        String checkoutId = checkoutId();

        deliver(invocations, "freezeCart", freeze(cartId, checkoutId, null));

        TaskSucceeded reply = OutboxReplies.succeeded(onlyReply(checkoutId));
        assertThat(reply.output()).containsEntry("cartVersion", (int) cart.version())
                .containsEntry("totalCents", 2 * 1200 + 3 * 150)
                .containsEntry("currency", "EUR");
        assertThat(reply.output().get("stockLines")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2);
        assertThat(reply.output().get("lines").toString()).contains(mug.sku()).contains(pen.sku());
        assertThat(carts.find(cartId).orElseThrow().checkoutId()).isEqualTo(checkoutId);
    }

    @Test
    void heldCartRefusesEveryChangeWithConflict() {
        TestProducts mug = product(900);
        String cartId = uniqueCartId();
        carts.add(cartId, mug.sku(), 1, "setup");
        String checkoutId = checkoutId();
        deliver(invocations, "freezeCart", freeze(cartId, checkoutId, null));

        assertThat(carts.add(cartId, mug.sku(), 1, "c")).isEqualTo(new CartOutcome.InCheckout(cartId, checkoutId));
        assertThat(carts.setQuantity(cartId, mug.sku(), 5, "c")).isEqualTo(new CartOutcome.InCheckout(cartId, checkoutId));
        assertThat(carts.remove(cartId, mug.sku(), "c")).isEqualTo(new CartOutcome.InCheckout(cartId, checkoutId));
        assertThat(carts.delete(cartId, "c")).isEqualTo(new CartRemoval.InCheckout(cartId, checkoutId));
        assertThat(carts.find(cartId).orElseThrow().items()).singleElement()
                .satisfies(line -> assertThat(line.quantity()).isEqualTo(1));

        HttpResponse response = cartHttpApi.handle(post("/carts/" + cartId + "/items")
                .json(Map.of("sku", mug.sku(), "quantity", 1)).build());
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(bodyOf(response).get("detail").asText()).contains(checkoutId).contains("being checked out");
    }

    @Test
    void freezeRefusesAnUnknownAnEmptyAndAChangedCart() {
        TestProducts mug = product(500);
        String emptied = uniqueCartId();
        carts.add(emptied, mug.sku(), 1, "setup");
        carts.remove(emptied, mug.sku(), "setup");
        String changed = uniqueCartId();
        carts.add(changed, mug.sku(), 1, "setup");
        long version = updated(carts.add(changed, mug.sku(), 1, "setup")).version();

        String unknownCheckout = checkoutId();
        String emptyCheckout = checkoutId();
        String changedCheckout = checkoutId();
        deliver(invocations, "freezeCart", freeze(uniqueCartId(), unknownCheckout, null));
        deliver(invocations, "freezeCart", freeze(emptied, emptyCheckout, null));
        deliver(invocations, "freezeCart", freeze(changed, changedCheckout, version - 1));

        assertThat(OutboxReplies.failed(onlyReply(unknownCheckout)).error()).isEqualTo(CartHolds.CART_NOT_FOUND);
        assertThat(OutboxReplies.failed(onlyReply(emptyCheckout)).error()).isEqualTo(CartHolds.CART_EMPTY);
        TaskFailed mismatch = OutboxReplies.failed(onlyReply(changedCheckout));
        assertThat(mismatch.error()).isEqualTo(CartHolds.VERSION_MISMATCH);
        assertThat(mismatch.cause()).contains("changed since version " + (version - 1)).contains("now " + version);
        assertThat(carts.find(emptied).orElseThrow().checkoutId()).isNull();
        assertThat(carts.find(changed).orElseThrow().checkoutId()).as("a refusal holds nothing").isNull();
    }

    @Test
    void aSecondCheckoutCannotHoldAHeldCartButARetryOfTheFirstCan() {
        String cartId = cartWithItems();
        String first = checkoutId();
        String second = checkoutId();

        deliver(invocations, "freezeCart", freeze(cartId, first, null));
        deliver(invocations, "freezeCart", freeze(cartId, second, null));
        deliver(invocations, "freezeCart", freeze(cartId, first, null));

        TaskFailed refused = OutboxReplies.failed(onlyReply(second));
        assertThat(refused.error()).isEqualTo(CartHolds.IN_CHECKOUT);
        assertThat(refused.cause()).contains(first);
        List<EventEnvelope<?>> firstReplies = new OutboxReplies(jdbi, codec).of(first);
        assertThat(firstReplies).hasSize(2).allSatisfy(reply -> OutboxReplies.succeeded(reply));
        assertThat(OutboxReplies.succeeded(firstReplies.get(1)).output())
                .isEqualTo(OutboxReplies.succeeded(firstReplies.get(0)).output());
    }

    @Test
    void releaseLetsTheCartChangeAgainAndALateFreezeOfThatCheckoutHoldsNothing() {
        TestProducts mug = product(700);
        String cartId = uniqueCartId();
        carts.add(cartId, mug.sku(), 1, "setup");
        String checkoutId = checkoutId();
        deliver(invocations, "freezeCart", freeze(cartId, checkoutId, null));

        deliver(invocations, "releaseCart", release(cartId, checkoutId));
        assertThat(OutboxReplies.succeeded(replies(checkoutId).getLast()).output()).containsEntry("released", true);
        assertThat(carts.add(cartId, mug.sku(), 1, "after")).isInstanceOf(CartOutcome.Updated.class);

        deliver(invocations, "freezeCart", freeze(cartId, checkoutId, null));
        List<EventEnvelope<?>> replies = new OutboxReplies(jdbi, codec).of(checkoutId);
        assertThat(OutboxReplies.failed(replies.getLast()).error()).isEqualTo(CartHolds.CHECKOUT_ENDED);
        assertThat(carts.find(cartId).orElseThrow().checkoutId()).isNull();
    }

    @Test
    void releaseBeforeTheFreezeArrivedMakesTheLateFreezeHoldNothing() {
        String cartId = cartWithItems();
        String checkoutId = checkoutId();

        deliver(invocations, "releaseCart", release(cartId, checkoutId));
        assertThat(OutboxReplies.succeeded(replies(checkoutId).getLast()).output()).containsEntry("released", false);
        deliver(invocations, "freezeCart", freeze(cartId, checkoutId, null));

        assertThat(OutboxReplies.failed(new OutboxReplies(jdbi, codec).of(checkoutId).getLast()).error())
                .isEqualTo(CartHolds.CHECKOUT_ENDED);
        assertThat(carts.find(cartId).orElseThrow().checkoutId()).isNull();
    }

    @Test
    void clearTakesOutWhatWasBoughtAndEndsTheHold() {
        TestProducts mug = product(1200);
        TestProducts pen = product(150);
        String cartId = uniqueCartId();
        carts.add(cartId, mug.sku(), 3, "setup");
        carts.add(cartId, pen.sku(), 1, "setup");
        String checkoutId = checkoutId();
        deliver(invocations, "freezeCart", freeze(cartId, checkoutId, null));

        deliver(invocations, "clearCart", clear(cartId, checkoutId, List.of(new StockLine(mug.sku(), 2), new StockLine(pen.sku(), 1))));

        Cart after = carts.find(cartId).orElseThrow();
        assertThat(after.checkoutId()).isNull();
        assertThat(after.items()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo(mug.sku());
            assertThat(line.quantity()).as("3 held, 2 bought").isEqualTo(1);
        });
        assertThat(carts.add(cartId, pen.sku(), 1, "after")).isInstanceOf(CartOutcome.Updated.class);
    }

    @Test
    void holdPastItsTimeNoLongerKeepsTheCartFromItsShopper() {
        TestProducts mug = product(300);
        String cartId = uniqueCartId();
        carts.add(cartId, mug.sku(), 1, "setup");
        deliver(invocations, "freezeCart", envelope(EventTypes.FREEZE_CART, new FreezeCart("token", cartId, checkoutId(), null, 1)));

        assertThat(carts.add(cartId, mug.sku(), 1, "while held")).isInstanceOf(CartOutcome.InCheckout.class);
        await("the one-second hold to run out").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> carts.add(cartId, mug.sku(), 1, "after") instanceof CartOutcome.Updated);
    }

    @Test
    void commandsDeliveredTwiceOverKafkaAreAnsweredOnce() {
        String cartId = cartWithItems();
        String checkoutId = checkoutId();
        EventEnvelope<FreezeCart> freeze = freeze(cartId, checkoutId, null);
        EventEnvelope<ClearCart> clear = envelope(EventTypes.CLEAR_CART,
                new ClearCart("token-clear-" + checkoutId, cartId, checkoutId));

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap)) {
            for (int delivery = 0; delivery < 2; delivery++) {
                kafka.publish(manifest.topicName("freeze-cart"), checkoutId, freeze);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> replies(checkoutId).size() == 1);
            for (int delivery = 0; delivery < 2; delivery++) {
                kafka.publish(manifest.topicName("clear-cart"), checkoutId, clear);
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> carts.find(cartId).orElseThrow().items().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> replies(checkoutId).size() == 2);
        assertThat(replies(checkoutId)).extracting(reply -> OutboxReplies.succeeded(reply).taskToken())
                .containsExactly(freeze.data().taskToken(), "token-clear-" + checkoutId);
        assertThat(OutboxReplies.succeeded(replies(checkoutId).getLast()).output()).containsEntry("cleared", true);
        assertThat(carts.find(cartId).orElseThrow().checkoutId()).isNull();
    }

    private TestProducts product(long priceCents) {
        TestProducts product = aProduct().price(priceCents).currency("EUR");
        catalog.publishProduct(product);
        return product;
    }

    private String cartWithItems() {
        String cartId = uniqueCartId();
        carts.add(cartId, product(1000).sku(), 2, "setup");
        return cartId;
    }

    private List<EventEnvelope<?>> replies(String checkoutId) {
        return new OutboxReplies(jdbi, codec).of(checkoutId);
    }

    private EventEnvelope<?> onlyReply(String checkoutId) {
        List<EventEnvelope<?>> replies = replies(checkoutId);
        assertThat(replies).hasSize(1);
        return replies.getFirst();
    }

    private static Cart updated(CartOutcome outcome) {
        assertThat(outcome).isInstanceOf(CartOutcome.Updated.class);
        return ((CartOutcome.Updated) outcome).cart();
    }

    private static String checkoutId() {
        return "chk_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static EventEnvelope<FreezeCart> freeze(String cartId, String checkoutId, Long cartVersion) {
        return envelope(EventTypes.FREEZE_CART, new FreezeCart("token-" + UUID.randomUUID(), cartId, checkoutId,
                cartVersion, 900));
    }

    private static EventEnvelope<ReleaseCart> release(String cartId, String checkoutId) {
        return envelope(EventTypes.RELEASE_CART, new ReleaseCart("token-" + UUID.randomUUID(), cartId, checkoutId));
    }

    private static EventEnvelope<ClearCart> clear(String cartId, String checkoutId, List<StockLine> lines) {
        return envelope(EventTypes.CLEAR_CART, new ClearCart("token-" + UUID.randomUUID(), cartId, checkoutId, lines));
    }

    private static <T> EventEnvelope<T> envelope(dev.shop.events.EventType<T> type, T command) {
        return EventEnvelope.of(type, "/functions/checkout", "corr-" + UUID.randomUUID(), command);
    }
}
