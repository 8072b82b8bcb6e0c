package dev.shop.localstack;

import java.time.Duration;
import java.time.Instant;
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

/**
 * executePlan when the checkout outlives the request (here a budget of zero, so every checkout does): the answer is
 * 202 with a plan id and its Location at once, and {@code GET /assistant/plans/{planId}?waitSeconds=N} follows the
 * plan, from the stored plan and not from the instance that answered, until it ends with the order placed.
 */
class AssistantPlanPollingTest {

    private static final String TOKEN = "assistant-plan-polling-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private static LocalStack.Running stack;
    private static ShopClient shop;
    private static String lantern;

    @BeforeAll
    static void start() throws Exception {
        String database = "plans_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        stack = LocalStack.start(SharedServers.get(), new LocalStack.Options(0, TOKEN, false, database,
                Map.of("shop.assistant.plan-budget", "0s")), Progress.to(System.err));
        shop = new ShopClient(stack.uri(), TOKEN);
        lantern = "PLN-" + RUN + "-LAN";
        ObjectNode product = JSON.createObjectNode().put("name", "Orrery Lantern").put("brand", "Glowbright")
                .put("category", "home").put("color", "amber").put("priceCents", 2100).put("currency", "USD");
        product.putArray("tags").add("lantern");
        assertThat(shop.send("PUT", "/products/" + lantern, product.toString(), true, null).status()).isEqualTo(201);
        shop.stock(lantern, 5);
        // The cart's price replica fills from the product event: wait until it takes the product.
        String scratch = "scratch-" + UUID.randomUUID();
        shop.addToCart(scratch, lantern, 1);
        shop.send("DELETE", "/carts/" + scratch, null, false, null);
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
    void checkoutThatOutlivesTheRequestIsAcceptedAndFinishedThroughItsPlan() {
        String cartId = "cart-" + UUID.randomUUID();
        String customer = "cus-" + UUID.randomUUID();
        ObjectNode body = JSON.createObjectNode().put("sessionId", "s-" + cartId).put("cartId", cartId)
                .put("customerId", customer).put("paymentToken", "tok_visa");
        body.putArray("plan")
                .add(JSON.createObjectNode().put("action", "ADD_TO_CART").put("sku", lantern).put("quantity", 2))
                .add(JSON.createObjectNode().put("action", "CHECKOUT"));

        ShopClient.Reply accepted = shop.send("POST", "/assistant/execute", body.toString(), false, null);

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        String planId = accepted.body().path("planId").asText();
        assertThat(planId).startsWith("plan_");
        assertThat(accepted.raw().headers().firstValue("location")).hasValue("/assistant/plans/" + planId);
        assertThat(accepted.body().path("status").asText()).isEqualTo("RUNNING");

        JsonNode plan = pollUntilEnded(planId);

        assertThat(plan.path("status").asText()).as(plan.toString()).isEqualTo("COMPLETED");
        String orderId = plan.path("result").path("orderId").asText();
        assertThat(orderId).isNotBlank();
        JsonNode order = shop.get("/orders/" + orderId).body();
        assertThat(order.path("customerId").asText()).isEqualTo(customer);
        assertThat(order.path("totalCents").asLong()).isEqualTo(2 * 2100);
        // Ended plans answer their result again, the same.
        assertThat(shop.get("/assistant/plans/" + planId).body().path("result").path("orderId").asText())
                .isEqualTo(orderId);
    }

    /** Long polls (the plan answers when its checkout ends, at most 8 s each) within a deadline; no sleeps. */
    private static JsonNode pollUntilEnded(String planId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode plan = null;
        while (Instant.now().isBefore(deadline)) {
            ShopClient.Reply reply = shop.get("/assistant/plans/" + planId + "?waitSeconds=8");
            assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
            plan = reply.body();
            if (!plan.path("status").asText().equals("RUNNING")) {
                return plan;
            }
        }
        return plan;
    }
}
