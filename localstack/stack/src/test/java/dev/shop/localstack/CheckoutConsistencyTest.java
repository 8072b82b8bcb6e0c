package dev.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.local.servers.SharedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A checkout buys what the cart holds when the shopper asks, as a fast client sees it: no pause between the cart
 * change that was acknowledged and the checkout that follows it. On the whole stack, over HTTP.
 */
class CheckoutConsistencyTest {

    private static final String TOKEN = "checkout-consistency-test-token";
    private static final int ROUNDS = 500;
    private static final int THREADS = 16;

    private static LocalStack.Running stack;
    private static ShopClient shop;

    @BeforeAll
    static void start() throws Exception {
        String database = "consistency_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        stack = LocalStack.start(SharedServers.get(), new LocalStack.Options(0, TOKEN, false, database, Map.of()),
                Progress.to(System.err));
        shop = new ShopClient(stack.uri(), TOKEN);
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** One shopper's round: what the cart held when they checked out, and what the shop answered. */
    private record Round(String customer, int quantity, int status, String checkoutId, String body) {
    }

    @Test
    void checkoutRightAfterACartChangeBuysExactlyTheChangedCart() throws Exception {
        List<String> skus = products(8, 1000, ROUNDS * 3);
        ConcurrentLinkedQueue<Round> added = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Round> removed = new ConcurrentLinkedQueue<>();

        try (ExecutorService shoppers = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> rounds = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                String sku = skus.get(i % skus.size());
                int quantity = 1 + i % 3;
                rounds.add(shoppers.submit(() -> added.add(addThenCheckOut(sku, quantity))));
                rounds.add(shoppers.submit(() -> removed.add(removeLastThenCheckOut(sku))));
            }
            for (Future<?> round : rounds) {
                round.get();
            }
        }

        // Add, then check out at once: every checkout accepted, and it bought exactly what was added.
        assertThat(added).hasSize(ROUNDS);
        assertThat(added).filteredOn(r -> r.status() != 202).as("checkouts of a cart just filled not accepted")
                .isEmpty();
        long charged = 0;
        long ordered = 0;
        for (Round round : added) {
            JsonNode outcome = shop.awaitOutcome(round.checkoutId());
            assertThat(outcome.get("status").asText()).as(outcome.toString()).isEqualTo("SUCCEEDED");
            JsonNode order = shop.get("/orders/" + outcome.get("orderId").asText()).body();
            assertThat(order.get("lines")).singleElement().satisfies(line ->
                    assertThat(line.get("quantity").asInt()).isEqualTo(round.quantity()));
            ordered += order.get("totalCents").asLong();
            charged += charged(round.checkoutId());
        }
        assertThat(charged).as("charges minus refunds equal the orders' totals").isEqualTo(ordered)
                .isEqualTo(added.stream().mapToLong(r -> r.quantity() * 1000L).sum());

        // Remove the last item, then check out at once: refused as empty, nothing bought or charged.
        assertThat(removed).hasSize(ROUNDS);
        assertThat(removed).filteredOn(r -> r.status() != 409).as("checkouts of a cart just emptied not refused")
                .isEmpty();
        assertThat(removed).allSatisfy(round -> {
            assertThat(round.body()).contains("empty");
            assertThat(shop.get("/orders?customerId=" + round.customer()).body().get("items")).isEmpty();
        });
    }

    @Test
    void cartRefusesChangesWhileItsCheckoutRunsAndKeepsOnlyWhatWasNotBought() {
        String sku = shop.product("Consistency Mug", 1250, 10);
        String cartId = cartId();
        shop.addToCart(cartId, sku, 2);
        // Hold the saga at its payment step, so the checkout is still running while the shopper tries a change.
        stack.stopModule("payment");
        String checkoutId;
        try {
            checkoutId = shop.startCheckout(cartId, customer(), "tok_visa");

            ShopClient.Reply change = shop.send("POST", "/carts/" + cartId + "/items",
                    "{\"sku\": \"" + sku + "\", \"quantity\": 1}", false, null);
            assertThat(change.status()).isEqualTo(409);
            assertThat(change.header("content-type")).isEqualTo("application/problem+json");
            assertThat(change.body().get("detail").asText()).contains(checkoutId);
            assertThat(shop.send("DELETE", "/carts/" + cartId, null, false, null).status()).isEqualTo(409);
            assertThat(shop.get("/carts/" + cartId).body().get("checkoutId").asText()).isEqualTo(checkoutId);
        } finally {
            stack.startModule("payment");
        }

        assertThat(shop.awaitOutcome(checkoutId).get("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode cart = shop.get("/carts/" + cartId).body();
        assertThat(cart.get("items")).as("what was bought is gone").isEmpty();
        assertThat(cart.has("checkoutId")).isFalse();
        ShopClient.Reply after = shop.send("POST", "/carts/" + cartId + "/items",
                "{\"sku\": \"" + sku + "\", \"quantity\": 1}", false, null);
        assertThat(after.status()).as("the cart changes again once its checkout ended").isEqualTo(200);
    }

    @Test
    void checkoutWaitsForACartFunctionThatIsDownAndCompletesWhenItIsBack() {
        String sku = shop.product("Consistency Plate", 800, 10);
        String cartId = cartId();
        shop.addToCart(cartId, sku, 3);
        String checkoutId;
        stack.stopModule("cart");
        try {
            ShopClient.Reply accepted = shop.checkout(cartId, customer(), "tok_visa", UUID.randomUUID().toString());

            // The cart could not say what it holds yet: accepted and waiting, nothing held or charged.
            assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
            checkoutId = accepted.body().get("checkoutId").asText();
            JsonNode waiting = shop.get("/checkouts/" + checkoutId).body();
            assertThat(waiting.get("status").asText()).isEqualTo("RUNNING");
            assertThat(waiting.get("currentState").asText()).isEqualTo("FreezeCart");
            assertThat(shop.getAsAdmin("/payments/" + checkoutId).status()).isEqualTo(404);
        } finally {
            stack.startModule("cart");
        }

        JsonNode outcome = shop.awaitOutcome(checkoutId);
        assertThat(outcome.get("status").asText()).as(outcome.toString()).isEqualTo("SUCCEEDED");
        JsonNode order = shop.get("/orders/" + outcome.get("orderId").asText()).body();
        assertThat(order.get("totalCents").asLong()).isEqualTo(3 * 800);
        await().atMost(ShopClient.SAGA_DEADLINE).untilAsserted(() ->
                assertThat(shop.get("/inventory/" + sku).body().get("available").asInt()).isEqualTo(7));
    }

    private static Round addThenCheckOut(String sku, int quantity) {
        String cartId = cartId();
        String customer = customer();
        ShopClient.Reply add = shop.send("POST", "/carts/" + cartId + "/items",
                "{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}", false, null);
        assertThat(add.status()).as(add.raw().body()).isEqualTo(200);
        ShopClient.Reply checkout = shop.checkout(cartId, customer, "tok_visa", UUID.randomUUID().toString());
        return new Round(customer, quantity, checkout.status(), checkout.body().path("checkoutId").asText(null),
                checkout.raw().body());
    }

    private static Round removeLastThenCheckOut(String sku) {
        String cartId = cartId();
        String customer = customer();
        ShopClient.Reply add = shop.send("POST", "/carts/" + cartId + "/items",
                "{\"sku\": \"" + sku + "\", \"quantity\": 1}", false, null);
        assertThat(add.status()).as(add.raw().body()).isEqualTo(200);
        ShopClient.Reply remove = shop.send("DELETE", "/carts/" + cartId + "/items/" + sku, null, false, null);
        assertThat(remove.status()).as(remove.raw().body()).isEqualTo(200);
        ShopClient.Reply checkout = shop.checkout(cartId, customer, "tok_visa", UUID.randomUUID().toString());
        return new Round(customer, 0, checkout.status(), checkout.body().path("checkoutId").asText(null),
                checkout.raw().body());
    }

    /** Products the cart already knows the prices of (its replica fills from the catalog's events). */
    private static List<String> products(int count, long priceCents, int stock) {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String sku = shop.product("Consistency Cup " + i, priceCents, stock);
            // The first add waits for the cart's price replica; every later add then succeeds at once.
            shop.addToCart(cartId(), sku, 1);
            skus.add(sku);
        }
        return skus;
    }

    private static long charged(String checkoutId) {
        long total = 0;
        for (JsonNode entry : shop.getAsAdmin("/payments/" + checkoutId).body().path("ledger")) {
            total += ("CHARGE".equals(entry.get("kind").asText()) ? 1 : -1) * entry.get("amountCents").asLong();
        }
        return total;
    }

    private static String cartId() {
        return "cart-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String customer() {
        return "cus-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
