package dev.shop.checkout.aws;

import static dev.shop.checkout.TestCarts.aCart;
import static dev.shop.checkout.TestCarts.uniqueCartId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.checkout.CheckoutApplication;
import dev.shop.checkout.TestCarts;
import dev.shop.checkout.domain.CartSnapshots;
import dev.shop.testing.LambdaFunctionHost;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The checkout's HTTP face as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with the
 * lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class CheckoutApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LambdaFunctionHost lambda =
            LambdaFunctionHost.of("checkout", CheckoutApplication.class, "checkoutApi");

    @Test
    void startsAndDescribesCheckoutFromRecordedEvents() throws IOException {
        TestCarts cart = aCart().withLine(2, 1450);
        // No Kafka binding under the lambda profile: apply the cart's event as syncCheckoutCarts would.
        replicate(cart);
        String key = "apigw-" + UUID.randomUUID();
        String correlationId = "apigw-checkout-" + UUID.randomUUID();

        JsonNode started = invoke("events/apigw-post-checkout.json", Map.of("cartId", cart.cartId(),
                "idempotencyKey", key, "correlationId", correlationId));

        assertThat(started.get("statusCode").asInt()).as(started.toString()).isEqualTo(202);
        assertThat(started.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode accepted = JSON.readTree(started.get("body").asText());
        String checkoutId = accepted.get("checkoutId").asText();
        assertThat(accepted.get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.get("headers").get("location").asText()).isEqualTo("/checkouts/" + checkoutId);
        assertThat(started.get("headers").get("x-correlation-id").asText()).isEqualTo(correlationId);

        JsonNode replayed = invoke("events/apigw-post-checkout.json", Map.of("cartId", cart.cartId(),
                "idempotencyKey", key, "correlationId", correlationId));
        assertThat(replayed.get("statusCode").asInt()).isEqualTo(202);
        assertThat(replayed.get("headers").get("idempotent-replayed").asText()).isEqualTo("true");
        assertThat(JSON.readTree(replayed.get("body").asText()).get("checkoutId").asText()).isEqualTo(checkoutId);

        JsonNode described = invoke("events/apigw-get-checkout.json", Map.of("checkoutId", checkoutId));
        assertThat(described.get("statusCode").asInt()).isEqualTo(200);
        assertThat(described.get("headers").get("content-type").asText()).isEqualTo("application/json");
        JsonNode checkout = JSON.readTree(described.get("body").asText());
        assertThat(checkout.get("checkoutId").asText()).isEqualTo(checkoutId);
        assertThat(checkout.get("status").asText()).isEqualTo("RUNNING");
        assertThat(checkout.get("currentState").asText()).isEqualTo("ReserveInventory");
        assertThat(checkout.get("history").findValuesAsText("type"))
                .startsWith("ExecutionStarted", "StateEntered", "TaskScheduled");
    }

    @Test
    void answersNotFoundForUnknownCart() throws IOException {
        JsonNode response = invoke("events/apigw-post-checkout.json", Map.of("cartId", uniqueCartId(),
                "idempotencyKey", "apigw-" + UUID.randomUUID(), "correlationId", "apigw-" + UUID.randomUUID()));

        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.get("body").asText());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.get("instance").asText()).isEqualTo("/checkouts");
    }

    @Test
    void answersBadRequestWithoutIdempotencyKey() throws IOException {
        // The recorded body (base64, as API Gateway may send it) names a cart the replica holds: only the key is missing.
        replicate(aCart().cartId("cart-7f3c2a91").withLine(1, 990));

        JsonNode response = invoke("events/apigw-post-checkout-without-key.json", Map.of());

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(response.get("headers").get("x-correlation-id").asText())
                .as("without the header, the gateway's request id").isEqualTo("CmW4JhXkDoEEMTQ=");
        JsonNode problem = JSON.readTree(response.get("body").asText());
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        long checkouts = lambda.context().getBean(Jdbi.class).withHandle(h -> h.createQuery(
                "select count(*) from checkouts where cart_id = 'cart-7f3c2a91'").mapTo(Long.class).one());
        assertThat(checkouts).isZero();
    }

    @Test
    void bindsNoKafkaConsumerAndRunsNoSweepTimerUnderLambdaProfile() {
        ConfigurableApplicationContext context = lambda.context();

        assertThat(context.getBeanNamesForType(BindingService.class)).isEmpty();
        assertThat(context.containsBean("checkoutSweepTimer")).as("a schedule invokes sweepCheckouts").isFalse();
        assertThat(context.containsBean("sweepCheckouts")).isTrue();
        assertThat(context.getEnvironment().getProperty("spring.cloud.function.definition")).isEqualTo("checkoutApi");
    }

    /** Puts the cart into the booted function's replica, as {@code syncCheckoutCarts} does with its event. */
    private static void replicate(TestCarts cart) {
        ConfigurableApplicationContext context = lambda.context();
        CartSnapshots snapshots = context.getBean(CartSnapshots.class);
        boolean applied = context.getBean(Jdbi.class).inTransaction(h -> snapshots.apply(h, cart.changed().data()));
        assertThat(applied).isTrue();
    }

    private static JsonNode invoke(String fixture, Map<String, String> values) {
        return lambda.invoke(fixture, values);
    }
}
