package dev.shop.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.local.servers.SharedServers;
import dev.shop.runtime.manifest.FunctionManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The checkout saga across all its participants, on the whole stack in this JVM (real Kafka, Postgres and
 * Redis), driven over HTTP as a shopper and an admin would.
 */
class CheckoutSagaTest {

    private static final String TOKEN = "checkout-saga-test-token";
    private static final String REJECTED_CUSTOMER = "cus-order-rejected";

    private static LocalStack.Running stack;
    private static ShopClient shop;

    @BeforeAll
    static void start() throws Exception {
        String database = "saga_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        stack = LocalStack.start(SharedServers.get(), new LocalStack.Options(0, TOKEN, false, database,
                Map.of("shop.order.reject-customers", REJECTED_CUSTOMER)), Progress.to(System.err));
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

    @Test
    void happyPathPlacesOrderReducesStockCapturesPaymentAndEmptiesCart() {
        String sku = shop.product("Saga Mug", 1250, 10);
        String cartId = cartId();
        shop.addToCart(cartId, sku, 2);

        String checkoutId = shop.startCheckout(cartId, customer(), "tok_visa");
        JsonNode outcome = shop.awaitOutcome(checkoutId);

        assertThat(outcome.get("status").asText()).as(outcome.toString()).isEqualTo("SUCCEEDED");
        String orderId = outcome.get("orderId").asText();
        JsonNode order = shop.get("/orders/" + orderId).body();
        assertThat(order.get("totalCents").asLong()).isEqualTo(2500);
        assertThat(order.get("lines")).singleElement().satisfies(line -> {
            assertThat(line.get("sku").asText()).isEqualTo(sku);
            assertThat(line.get("quantity").asInt()).isEqualTo(2);
        });
        assertStock(sku, 8, 0);
        JsonNode payment = shop.getAsAdmin("/payments/" + checkoutId).body();
        assertThat(payment.get("status").asText()).isEqualTo("CAPTURED");
        assertThat(payment.get("amountCents").asLong()).isEqualTo(2500);
        await().atMost(ShopClient.SAGA_DEADLINE).until(() -> shop.get("/carts/" + cartId).body().get("items").isEmpty());
        assertThat(states(outcome)).containsSubsequence("FreezeCart", "ReserveInventory", "ProcessPayment",
                "CreateOrder", "CommitInventory", "ClearCart", "CheckoutCompleted");
    }

    @Test
    void declinedPaymentFailsWithStockRestoredAndNothingCharged() {
        String sku = shop.product("Saga Plate", 900, 10);
        String cartId = cartId();
        shop.addToCart(cartId, sku, 3);

        String checkoutId = shop.startCheckout(cartId, customer(), "tok_decline");
        JsonNode outcome = shop.awaitOutcome(checkoutId);

        assertThat(outcome.get("status").asText()).isEqualTo("FAILED");
        assertThat(outcome.get("error").asText()).isEqualTo("Checkout.PaymentDeclined");
        assertThat(outcome.has("orderId")).isFalse();
        assertStock(sku, 10, 0);
        JsonNode payment = shop.getAsAdmin("/payments/" + checkoutId).body();
        assertThat(payment.get("status").asText()).isEqualTo("DECLINED");
        assertThat(payment.get("ledger")).isEmpty();
        assertThat(states(outcome)).contains("ReleaseInventory").doesNotContain("CreateOrder");
    }

    @Test
    void transientPaymentErrorSucceedsAfterRecordedRetry() {
        String sku = shop.product("Saga Bowl", 700, 10);
        String cartId = cartId();
        shop.addToCart(cartId, sku, 1);

        String checkoutId = shop.startCheckout(cartId, customer(), "tok_error");
        JsonNode outcome = shop.awaitOutcome(checkoutId);

        assertThat(outcome.get("status").asText()).as(outcome.toString()).isEqualTo("SUCCEEDED");
        assertThat(history(outcome)).anySatisfy(event -> {
            assertThat(event.get("type").asText()).isEqualTo("TaskRetried");
            assertThat(event.get("state").asText()).isEqualTo("ProcessPayment");
        });
        JsonNode payment = shop.getAsAdmin("/payments/" + checkoutId).body();
        assertThat(payment.get("ledger")).hasSize(1);
    }

    @Test
    void orderFailureRefundsPaymentAndRestoresStock() {
        String sku = shop.product("Saga Jug", 1500, 10);
        String cartId = cartId();
        shop.addToCart(cartId, sku, 2);

        String checkoutId = shop.startCheckout(cartId, REJECTED_CUSTOMER, "tok_visa");
        JsonNode outcome = shop.awaitOutcome(checkoutId);

        assertThat(outcome.get("status").asText()).isEqualTo("FAILED");
        assertThat(outcome.get("error").asText()).isEqualTo("Checkout.OrderRejected");
        assertThat(states(outcome)).containsSubsequence("ProcessPayment", "CreateOrder", "RefundPayment",
                "ReleaseInventory");
        JsonNode payment = shop.getAsAdmin("/payments/" + checkoutId).body();
        assertThat(payment.get("status").asText()).isEqualTo("REFUNDED");
        assertThat(kinds(payment)).containsExactly("CHARGE", "REFUND");
        assertStock(sku, 10, 0);
        assertThat(shop.get("/carts/" + cartId).body().get("items")).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyNeverStartsASecondCheckout() {
        String sku = shop.product("Saga Cup", 500, 10);
        String cartId = cartId();
        String customer = customer();
        shop.addToCart(cartId, sku, 1);
        String key = UUID.randomUUID().toString();

        ShopClient.Reply first = shop.checkout(cartId, customer, "tok_visa", key);
        ShopClient.Reply again = shop.checkout(cartId, customer, "tok_visa", key);
        ShopClient.Reply otherBody = shop.checkout(cartId, customer, "tok_decline", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("location")).isEqualTo("/checkouts/" + first.body().get("checkoutId").asText());
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("checkoutId")).isEqualTo(first.body().get("checkoutId"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(shop.awaitOutcome(first.body().get("checkoutId").asText()).get("status").asText())
                .isEqualTo("SUCCEEDED");
        assertThat(shop.get("/orders?customerId=" + customer).body().get("items")).hasSize(1);
    }

    @Test
    void unknownOrEmptyCartIsRefusedWithProblemDetails() {
        ShopClient.Reply unknown = shop.send("POST", "/checkouts", """
                {"cartId": "no-such-cart", "customerId": "c", "paymentToken": "tok_visa"}""", false, "k-" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("content-type")).isEqualTo("application/problem+json");

        String sku = shop.product("Saga Spoon", 100, 10);
        String cartId = cartId();
        shop.addToCart(cartId, sku, 1);
        shop.send("DELETE", "/carts/" + cartId + "/items/" + sku, null, false, null);
        ShopClient.Reply emptied = shop.checkout(cartId, customer(), "tok_visa", "k-" + UUID.randomUUID());
        assertThat(emptied.status()).as(emptied.raw().body()).isEqualTo(409);
        assertThat(emptied.header("content-type")).isEqualTo("application/problem+json");
        assertThat(emptied.body().get("detail").asText()).contains(cartId).contains("empty");
    }

    @Test
    void everyCommandAndReplyDeliveredTwiceStillGivesOneReservationChargeAndOrderEach() throws Exception {
        String sku = shop.product("Saga Fork", 300, 20);
        String customer = customer();
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            carts.add(cartId());
            shop.addToCart(carts.get(i), sku, 2);
        }
        FunctionManifest manifest = FunctionManifest.load();
        List<String> topics = List.of("freeze-cart", "release-cart", "reserve-inventory", "release-inventory", "commit-inventory", "process-payment",
                "refund-payment", "create-order", "clear-cart", "task-results").stream()
                .map(manifest::topicName).toList();

        List<String> checkouts = new ArrayList<>();
        try (KafkaDuplicator duplicator = new KafkaDuplicator(stack.servers().kafkaBootstrap(), topics)) {
            for (String cartId : carts) {
                checkouts.add(shop.startCheckout(cartId, customer, "tok_visa"));
            }
            for (String checkoutId : checkouts) {
                assertThat(shop.awaitOutcome(checkoutId).get("status").asText()).isEqualTo("SUCCEEDED");
            }
            assertThat(duplicator.duplicated()).as("records delivered twice").isGreaterThanOrEqualTo(4 * 12);
        }

        assertThat(shop.get("/orders?customerId=" + customer + "&limit=50").body().get("items")).hasSize(4);
        for (String checkoutId : checkouts) {
            assertThat(kinds(shop.getAsAdmin("/payments/" + checkoutId).body())).containsExactly("CHARGE");
        }
        assertStock(sku, 12, 0);
    }

    @Test
    void orchestratorStoppedMidSagaFinishesEveryCheckoutAfterRestart() {
        String sku = shop.product("Saga Knife", 400, 20);
        String customer = customer();
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            carts.add(cartId());
            shop.addToCart(carts.get(i), sku, 1);
        }
        // Hold every saga at its payment step, then take the orchestrator down while the answers come in.
        stack.stopModule("payment");
        List<String> checkouts = carts.stream().map(cartId -> shop.startCheckout(cartId, customer, "tok_visa")).toList();
        for (String checkoutId : checkouts) {
            await().atMost(ShopClient.SAGA_DEADLINE).until(() ->
                    "ProcessPayment".equals(shop.get("/checkouts/" + checkoutId).body().path("currentState").asText()));
        }
        stack.stopModule("checkout");
        assertThat(shop.get("/checkouts/" + checkouts.getFirst()).status()).isEqualTo(503);
        stack.startModule("payment");
        for (String checkoutId : checkouts) {
            await().atMost(ShopClient.SAGA_DEADLINE).until(() ->
                    "CAPTURED".equals(shop.getAsAdmin("/payments/" + checkoutId).body().path("status").asText()));
        }

        stack.startModule("checkout");

        for (String checkoutId : checkouts) {
            assertThat(shop.awaitOutcome(checkoutId).get("status").asText()).isEqualTo("SUCCEEDED");
        }
        assertThat(shop.get("/orders?customerId=" + customer + "&limit=50").body().get("items")).hasSize(5);
        assertStock(sku, 15, 0);
    }

    @Test
    void concurrentCheckoutsNeverOversell() throws Exception {
        int stock = 50;
        int shoppers = 200;
        String sku = shop.product("Saga Lamp", 2000, stock);
        String customer = customer();
        List<String> carts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<?>> adds = new ArrayList<>();
            for (int i = 0; i < shoppers; i++) {
                String cartId = cartId();
                carts.add(cartId);
                adds.add(pool.submit(() -> shop.addToCart(cartId, sku, 1)));
            }
            for (Future<?> add : adds) {
                add.get();
            }
            List<Future<String>> started = new ArrayList<>();
            for (String cartId : carts) {
                started.add(pool.submit(() -> shop.startCheckout(cartId, customer, "tok_visa")));
            }
            List<String> checkouts = new ArrayList<>();
            for (Future<String> checkout : started) {
                checkouts.add(checkout.get());
            }

            List<JsonNode> outcomes = checkouts.stream().map(shop::awaitOutcome).toList();

            assertThat(outcomes.stream().filter(o -> o.get("status").asText().equals("SUCCEEDED")).count())
                    .isEqualTo(stock);
            assertThat(outcomes.stream().filter(o -> o.get("status").asText().equals("FAILED")))
                    .hasSize(shoppers - stock)
                    .allSatisfy(o -> assertThat(o.get("error").asText()).isEqualTo("Checkout.OutOfStock"));
            assertStock(sku, 0, 0);
            // Ledgers reconcile: charges minus refunds equal the totals of the orders placed.
            long charged = 0;
            for (String checkoutId : checkouts) {
                ShopClient.Reply payment = shop.getAsAdmin("/payments/" + checkoutId);
                if (payment.status() == 200) {
                    for (JsonNode entry : payment.body().get("ledger")) {
                        charged += ("CHARGE".equals(entry.get("kind").asText()) ? 1 : -1) * entry.get("amountCents").asLong();
                    }
                }
            }
            long ordered = outcomes.stream().filter(o -> o.has("orderId"))
                    .mapToLong(o -> shop.get("/orders/" + o.get("orderId").asText()).body().get("totalCents").asLong())
                    .sum();
            assertThat(charged).isEqualTo(ordered).isEqualTo(stock * 2000L);
        }
    }

    @Test
    void ledgersReconcileAcrossSuccessDeclineAndCompensation() {
        String sku = shop.product("Saga Tray", 1100, 20);
        List<String> checkouts = new ArrayList<>();
        for (String[] attempt : new String[][] {{customer(), "tok_visa"}, {customer(), "tok_decline"},
                {REJECTED_CUSTOMER, "tok_visa"}, {customer(), "tok_error"}}) {
            String cartId = cartId();
            shop.addToCart(cartId, sku, 1);
            checkouts.add(shop.startCheckout(cartId, attempt[0], attempt[1]));
        }
        long charged = 0;
        long ordered = 0;
        for (String checkoutId : checkouts) {
            JsonNode outcome = shop.awaitOutcome(checkoutId);
            if (outcome.has("orderId")) {
                ordered += shop.get("/orders/" + outcome.get("orderId").asText()).body().get("totalCents").asLong();
            }
            for (JsonNode entry : shop.getAsAdmin("/payments/" + checkoutId).body().path("ledger")) {
                charged += ("CHARGE".equals(entry.get("kind").asText()) ? 1 : -1) * entry.get("amountCents").asLong();
            }
        }
        assertThat(ordered).isEqualTo(2 * 1100);
        assertThat(charged).isEqualTo(ordered);
        assertStock(sku, 18, 0);
    }

    private static void assertStock(String sku, int available, int reserved) {
        await().atMost(ShopClient.SAGA_DEADLINE).untilAsserted(() -> {
            JsonNode stock = shop.get("/inventory/" + sku).body();
            assertThat(stock.get("available").asInt()).as("available of " + sku).isEqualTo(available);
            assertThat(stock.get("reserved").asInt()).as("reserved of " + sku).isEqualTo(reserved);
        });
    }

    private static List<JsonNode> history(JsonNode checkout) {
        return StreamSupport.stream(checkout.get("history").spliterator(), false).toList();
    }

    private static List<String> states(JsonNode checkout) {
        return history(checkout).stream().filter(e -> e.get("type").asText().equals("StateEntered"))
                .map(e -> e.get("state").asText()).toList();
    }

    private static List<String> kinds(JsonNode payment) {
        return StreamSupport.stream(payment.get("ledger").spliterator(), false).map(e -> e.get("kind").asText()).toList();
    }

    private static String cartId() {
        return "cart-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static String customer() {
        return "cus-" + UUID.randomUUID().toString().substring(0, 12);
    }
}
