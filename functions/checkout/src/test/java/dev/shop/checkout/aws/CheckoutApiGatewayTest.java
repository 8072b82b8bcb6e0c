package dev.shop.checkout.aws;

import static dev.shop.checkout.TestCarts.aCart;
import static dev.shop.checkout.TestCarts.uniqueCartId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.checkout.CheckoutApplication;
import dev.shop.checkout.TestCarts;
import dev.shop.events.EventCodec;
import dev.shop.events.EventTypes;
import dev.shop.events.FreezeCart;
import dev.shop.workflow.WorkflowEngine;
import dev.shop.runtime.invocation.InvocationMode;
import dev.shop.runtime.invocation.Invocations;
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
    void startsAndDescribesCheckoutFromRecordedEvents() throws IOException, InterruptedException {
        TestCarts cart = aCart().withLine(2, 1450);
        Thread cartAnswers = answerAsTheCart(cart.cartId(), Optional.of(cart));
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
        cartAnswers.join();

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
        String cartId = uniqueCartId();
        answerAsTheCart(cartId, Optional.empty());

        JsonNode response = invoke("events/apigw-post-checkout.json", Map.of("cartId", cartId,
                "idempotencyKey", "apigw-" + UUID.randomUUID(), "correlationId", "apigw-" + UUID.randomUUID()));

        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.get("body").asText());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.get("instance").asText()).isEqualTo("/checkouts");
    }

    @Test
    void answersBadRequestWithoutIdempotencyKey() throws IOException {
        // The recorded body (base64, as API Gateway may send it) names a cart: only the key is missing.
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
        assertThat(context.getBean(Invocations.class).mode()).as("nothing runs between invocations")
                .isEqualTo(InvocationMode.PER_INVOCATION);
        assertThat(context.getEnvironment().getProperty("shop.schedules.enabled")).as("a schedule invokes sweepCheckouts")
                .isEqualTo("false");
        assertThat(context.containsBean("sweepCheckouts")).isTrue();
        assertThat(context.getEnvironment().getProperty("spring.cloud.function.definition")).isEqualTo("checkoutApi");
    }

    /**
     * Plays the cart and {@code advanceCheckout} as they work on AWS: once the checkout's FreezeCart for the cart is
     * in its outbox, the cart's answer (its lines, or Cart.NotFound) is applied to the saga the way the reply
     * consumer applies it. Under the lambda profile nothing consumes Kafka in this JVM.
     */
    private static Thread answerAsTheCart(String cartId, Optional<TestCarts> cart) {
        ConfigurableApplicationContext context = lambda.context();
        Jdbi jdbi = context.getBean(Jdbi.class);
        EventCodec codec = context.getBean(EventCodec.class);
        WorkflowEngine saga = context.getBean(WorkflowEngine.class);
        return Thread.ofVirtual().start(() -> {
            FreezeCart freeze = await("FreezeCart of " + cartId).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> freezeCommands(jdbi, codec).stream().filter(f -> f.cartId().equals(cartId)).findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            String replyId = UUID.randomUUID().toString();
            if (cart.isPresent()) {
                saga.onTaskSucceeded(replyId, freeze.taskToken(), JSON.valueToTree(cart.get().purchase()));
            } else {
                saga.onTaskFailed(replyId, freeze.taskToken(), "Cart.NotFound", "No cart " + cartId + " to check out.");
            }
        });
    }

    private static List<FreezeCart> freezeCommands(Jdbi jdbi, EventCodec codec) {
        return jdbi.withHandle(h -> h.createQuery("select payload from outbox where event_type = :type")
                .bind("type", EventTypes.FREEZE_CART.name())
                .mapTo(byte[].class)
                .map(payload -> codec.decode(payload, EventTypes.FREEZE_CART).data())
                .list());
    }

    private static JsonNode invoke(String fixture, Map<String, String> values) {
        return lambda.invoke(fixture, values);
    }
}
