package dev.shop.cart;

import static dev.shop.cart.TestProducts.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventEnvelope;
import dev.shop.events.ProductChanged;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.testing.Deliveries;
import dev.shop.testing.LambdaFunctionHost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cloud.stream.binding.BindingService;

/**
 * {@code addToCart} as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with the
 * lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class AddToCartApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The SKU and cart id of the recorded events. */
    private static final String SKU = "ENAMEL-MUG-01";
    private static final String CART_ID = "cart-7f3c2a91";

    @RegisterExtension
    static final LambdaFunctionHost lambda = LambdaFunctionHost.of("cart", CartApplication.class, "cartApi");

    @BeforeAll
    static void seedPriceReplica() {
        // No Kafka binding under the lambda profile: deliver the catalog's event as an MSK batch would.
        EventEnvelope<ProductChanged> mug = aProduct().sku(SKU).name("Enamel mug").price(1450).currency("EUR")
                .changed();
        Deliveries.deliver(lambda.context().getBean(Invocations.class), "syncCartPrices", mug);
    }

    @Test
    void addsToCartFromApiGatewayEvent() throws IOException {
        JsonNode response = invoke("events/apigw-add-to-cart.json");

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/json");
        assertThat(response.get("headers").get("x-correlation-id").asText()).isEqualTo("apigw-add-to-cart-2f1c7a9e");
        JsonNode cart = JSON.readTree(response.get("body").asText());
        assertThat(cart.get("cartId").asText()).isEqualTo(CART_ID);
        JsonNode line = cart.get("items").get(0);
        assertThat(line.get("sku").asText()).isEqualTo(SKU);
        assertThat(line.get("name").asText()).isEqualTo("Enamel mug");
        assertThat(line.get("quantity").asInt()).isEqualTo(2);
        assertThat(line.get("unitPriceCents").asLong()).isEqualTo(1450);
        assertThat(cart.get("totalCents").asLong()).isEqualTo(2900);
        assertThat(cart.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void answersBadQuantityWithProblemDetails() throws IOException {
        JsonNode response = invoke("events/apigw-add-to-cart-bad-quantity.json");

        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(response.get("headers").get("x-correlation-id").asText())
                .as("without the header, the gateway's request id").isEqualTo("BrT5pj4rDoEEM-Q=");
        JsonNode problem = JSON.readTree(response.get("body").asText());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("quantity");
        assertThat(problem.get("instance").asText()).isEqualTo("/carts/" + CART_ID + "/items");
    }

    @Test
    void bindsNoKafkaConsumerUnderLambdaProfile() {
        assertThat(lambda.context().getBeanNamesForType(BindingService.class)).isEmpty();
        assertThat(lambda.context().getEnvironment().getProperty("spring.cloud.function.definition"))
                .isEqualTo("cartApi");
    }

    private static JsonNode invoke(String event) {
        return lambda.invoke(event, Map.of());
    }
}
