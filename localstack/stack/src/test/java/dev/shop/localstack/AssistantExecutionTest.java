package dev.shop.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.local.servers.SharedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * executePlan on the whole stack (no demo data): the assistant acts as a shopper's agent through the stack's own
 * gateway. A plan that completes, an out-of-stock request that stops before anything is added or charged, and a
 * declined payment on an empty cart that leaves the cart empty again with nothing charged.
 */
class AssistantExecutionTest {

    private static final String TOKEN = "assistant-execution-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack.Running stack;
    private static ShopClient shop;
    /** Made-up product names, so that products other tests put on the shared topic never get in the way. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static String redLantern;
    private static String greenLantern;
    private static String blueKettle;
    private static String redKettle;
    private static String blanket;

    @BeforeAll
    static void start() throws Exception {
        String database = "assistant_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        stack = LocalStack.start(SharedServers.get(), new LocalStack.Options(0, TOKEN, false, database, Map.of()),
                Progress.to(System.err));
        shop = new ShopClient(stack.uri(), TOKEN);
        redLantern = product("LAN-RED", "Zephyr Lantern", "Glowbright", "red", 3400, 10);
        greenLantern = product("LAN-GRN", "Zephyr Lantern", "Glowbright", "green", 3400, 10);
        blueKettle = product("KET-BLU", "Quokka Kettle", "Brewmaster", "blue", 5900, 0);
        redKettle = product("KET-RED", "Quokka Kettle", "Brewmaster", "red", 5900, 4);
        blanket = product("BLK-GRY", "Nimbus Blanket", "Cozyloom", "grey", 4500, 10);
        // The assistant's index and the cart's price replica both fill from product events: wait for both.
        for (String sku : new String[] {redLantern, greenLantern, blueKettle, redKettle, blanket}) {
            String scratch = "scratch-" + UUID.randomUUID();
            shop.addToCart(scratch, sku, 1);
            shop.send("DELETE", "/carts/" + scratch, null, false, null);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode parsed = post("/assistant/intents", Map.of("text", "add a nimbus blanket")).body();
            return parsed.path("intents").findValuesAsText("sku").contains(blanket)
                    && post("/assistant/intents", Map.of("text", "add a blue quokka kettle")).body()
                    .path("intents").findValuesAsText("sku").contains(blueKettle);
        });
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
    void planThatCompletesPlacesTheOrderAsAsked() {
        String cartId = "cart-" + UUID.randomUUID();
        String customer = "cus-" + UUID.randomUUID();

        JsonNode result = execute(cartId, customer, "tok_visa",
                "buy 2 red zephyr lanterns and a nimbus blanket", null);

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("COMPLETED");
        String orderId = result.path("orderId").asText();
        assertThat(orderId).isNotBlank();
        JsonNode order = shop.get("/orders/" + orderId).body();
        assertThat(order.path("customerId").asText()).isEqualTo(customer);
        assertThat(lines(order)).containsExactlyInAnyOrderEntriesOf(Map.of(redLantern, 2, blanket, 1));
        assertThat(order.path("totalCents").asLong()).isEqualTo(2 * 3400 + 4500);
        JsonNode payment = shop.getAsAdmin("/payments/" + result.path("checkoutId").asText()).body();
        assertThat(payment.path("status").asText()).isEqualTo("CAPTURED");
    }

    @Test
    void outOfStockStopsWithAlternativesAndNoOrderOrCharge() {
        String cartId = "cart-" + UUID.randomUUID();
        String customer = "cus-" + UUID.randomUUID();

        JsonNode result = execute(cartId, customer, "tok_visa", "buy a blue quokka kettle and a nimbus blanket", null);

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("NEEDS_INPUT");
        assertThat(result.has("orderId")).isFalse();
        assertThat(result.has("checkoutId")).as("no checkout, so nothing charged").isFalse();
        assertThat(texts(result.path("candidates"))).contains(redKettle).doesNotContain(blueKettle);
        assertThat(result.path("message").asText()).contains("out of stock").contains("Quokka Kettle (red)");
        assertThat(shop.get("/carts/" + cartId).body().path("items")).isEmpty();
        assertThat(shop.get("/orders?customerId=" + customer).body().path("items")).isEmpty();
        assertThat(shop.get("/inventory/" + blanket).body().path("reserved").asInt()).isZero();
    }

    @Test
    void declinedPaymentOnAnEmptyCartEmptiesItAgainAndChargesNothing() {
        String cartId = "cart-" + UUID.randomUUID();
        String customer = "cus-" + UUID.randomUUID();
        int before = shop.get("/inventory/" + greenLantern).body().path("available").asInt();
        ObjectNode add = JSON.createObjectNode().put("action", "ADD_TO_CART").put("sku", greenLantern).put("quantity", 2);
        ObjectNode checkout = JSON.createObjectNode().put("action", "CHECKOUT");

        JsonNode result = execute(cartId, customer, "tok_decline", null, JSON.createArrayNode().add(add).add(checkout));

        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("FAILED");
        assertThat(result.has("orderId")).isFalse();
        assertThat(result.path("message").asText()).contains("nothing was charged").contains("cart is empty");
        assertThat(shop.get("/carts/" + cartId).body().path("items")).isEmpty();
        String checkoutId = result.path("checkoutId").asText();
        assertThat(checkoutId).isNotBlank();
        JsonNode payment = shop.getAsAdmin("/payments/" + checkoutId).body();
        assertThat(payment.path("status").asText()).isEqualTo("DECLINED");
        assertThat(payment.path("ledger")).isEmpty();
        assertThat(shop.get("/orders?customerId=" + customer).body().path("items")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stock = shop.get("/inventory/" + greenLantern).body();
            assertThat(stock.path("available").asInt()).isEqualTo(before);
            assertThat(stock.path("reserved").asInt()).isZero();
        });
    }

    private static String product(String suffix, String name, String brand, String color, long priceCents, int stock) {
        String sku = "AST-" + RUN + "-" + suffix;
        ObjectNode body = JSON.createObjectNode().put("name", name).put("brand", brand).put("category", "home")
                .put("color", color).put("priceCents", priceCents).put("currency", "USD");
        body.putArray("tags").add(name.toLowerCase().split(" ")[1]);
        ShopClient.Reply reply = shop.send("PUT", "/products/" + sku, body.toString(), true, null);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        shop.stock(sku, stock);
        return sku;
    }

    private static JsonNode execute(String cartId, String customer, String token, String text, JsonNode plan) {
        ObjectNode body = JSON.createObjectNode().put("sessionId", "s-" + cartId).put("cartId", cartId)
                .put("customerId", customer).put("paymentToken", token);
        if (text != null) {
            body.put("text", text);
        }
        if (plan != null) {
            body.set("plan", plan);
        }
        ShopClient.Reply reply = shop.send("POST", "/assistant/execute", body.toString(), false, null);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.body();
    }

    private static ShopClient.Reply post(String path, Map<String, String> body) {
        try {
            return shop.send("POST", path, JSON.writeValueAsString(body), false, null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> lines(JsonNode order) {
        Map<String, Integer> lines = new java.util.HashMap<>();
        order.path("lines").forEach(l -> lines.merge(l.path("sku").asText(), l.path("quantity").asInt(), Integer::sum));
        return lines;
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
