package dev.shop.checkout.aws;

import static dev.shop.checkout.TestCarts.aCart;
import static dev.shop.checkout.TestCarts.uniqueCartId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.checkout.CheckoutApplication;
import dev.shop.checkout.TestCarts;
import dev.shop.checkout.domain.CartSnapshots;
import dev.shop.local.servers.RealServersInitializer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The checkout's HTTP face as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with the
 * lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class CheckoutApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> previousProperties = new LinkedHashMap<>();
    private static FunctionInvoker lambda;

    @BeforeAll
    static void bootLikeLambda() {
        Map<String, Object> properties = new LinkedHashMap<>(RealServersInitializer.properties("checkout"));
        properties.put("MAIN_CLASS", CheckoutApplication.class.getName());
        properties.put("spring.profiles.active", "lambda");
        // An extra source of the invoker's application: hands this test the context the invoker boots.
        properties.put("spring.main.sources", BootedContext.class.getName());
        properties.forEach((name, value) -> {
            previousProperties.put(name, System.getProperty(name));
            System.setProperty(name, String.valueOf(value));
        });
        lambda = new FunctionInvoker("checkoutApi");
    }

    @AfterAll
    static void shutDown() {
        if (BootedContext.context != null) {
            BootedContext.context.close();
            BootedContext.context = null;
        }
        previousProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        previousProperties.clear();
    }

    @Test
    void startsAndDescribesCheckoutFromRecordedEvents() throws IOException {
        TestCarts cart = aCart().withLine(2, 1450);
        // No Kafka binding under the lambda profile: apply the cart's event as syncCheckoutCarts would.
        replicate(cart);
        String key = "apigw-" + UUID.randomUUID();
        String correlationId = "apigw-checkout-" + UUID.randomUUID();

        JsonNode started = invoke("apigw-post-checkout.json", Map.of("cartId", cart.cartId(),
                "idempotencyKey", key, "correlationId", correlationId));

        assertThat(started.get("statusCode").asInt()).as(started.toString()).isEqualTo(202);
        assertThat(started.get("isBase64Encoded").asBoolean()).isFalse();
        JsonNode accepted = JSON.readTree(started.get("body").asText());
        String checkoutId = accepted.get("checkoutId").asText();
        assertThat(accepted.get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.get("headers").get("location").asText()).isEqualTo("/checkouts/" + checkoutId);
        assertThat(started.get("headers").get("x-correlation-id").asText()).isEqualTo(correlationId);

        JsonNode replayed = invoke("apigw-post-checkout.json", Map.of("cartId", cart.cartId(),
                "idempotencyKey", key, "correlationId", correlationId));
        assertThat(replayed.get("statusCode").asInt()).isEqualTo(202);
        assertThat(replayed.get("headers").get("idempotent-replayed").asText()).isEqualTo("true");
        assertThat(JSON.readTree(replayed.get("body").asText()).get("checkoutId").asText()).isEqualTo(checkoutId);

        JsonNode described = invoke("apigw-get-checkout.json", Map.of("checkoutId", checkoutId));
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
        JsonNode response = invoke("apigw-post-checkout.json", Map.of("cartId", uniqueCartId(),
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

        JsonNode response = invoke("apigw-post-checkout-without-key.json", Map.of());

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(response.get("headers").get("x-correlation-id").asText())
                .as("without the header, the gateway's request id").isEqualTo("CmW4JhXkDoEEMTQ=");
        JsonNode problem = JSON.readTree(response.get("body").asText());
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        long checkouts = BootedContext.get().getBean(Jdbi.class).withHandle(h -> h.createQuery(
                "select count(*) from checkouts where cart_id = 'cart-7f3c2a91'").mapTo(Long.class).one());
        assertThat(checkouts).isZero();
    }

    @Test
    void bindsNoKafkaConsumerAndRunsNoSweepTimerUnderLambdaProfile() {
        ConfigurableApplicationContext context = BootedContext.get();

        assertThat(context.getBeanNamesForType(BindingService.class)).isEmpty();
        assertThat(context.containsBean("checkoutSweepTimer")).as("a schedule invokes sweepCheckouts").isFalse();
        assertThat(context.containsBean("sweepCheckouts")).isTrue();
        assertThat(context.getEnvironment().getProperty("spring.cloud.function.definition")).isEqualTo("checkoutApi");
    }

    /** Puts the cart into the booted function's replica, as {@code syncCheckoutCarts} does with its event. */
    private static void replicate(TestCarts cart) {
        ConfigurableApplicationContext context = BootedContext.get();
        CartSnapshots snapshots = context.getBean(CartSnapshots.class);
        boolean applied = context.getBean(Jdbi.class).inTransaction(h -> snapshots.apply(h, cart.changed().data()));
        assertThat(applied).isTrue();
    }

    private static JsonNode invoke(String fixture, Map<String, String> values) throws IOException {
        String event = fixture(fixture);
        for (Map.Entry<String, String> value : values.entrySet()) {
            event = event.replace("${" + value.getKey() + "}", value.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lambda.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = CheckoutApiGatewayTest.class.getResourceAsStream("/events/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Keeps the application context the invoker booted, to seed the replica and to close it afterwards. */
    public static class BootedContext implements ApplicationContextAware {

        static volatile ConfigurableApplicationContext context;

        static ConfigurableApplicationContext get() {
            assertThat(context).as("the context the FunctionInvoker booted").isNotNull();
            return context;
        }

        @Override
        public void setApplicationContext(ApplicationContext applicationContext) {
            context = (ConfigurableApplicationContext) applicationContext;
        }
    }
}
