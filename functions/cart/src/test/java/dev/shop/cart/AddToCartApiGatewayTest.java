package dev.shop.cart;

import static dev.shop.cart.TestProducts.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cart.domain.ProductPrices;
import dev.shop.events.EventEnvelope;
import dev.shop.events.ProductChanged;
import dev.shop.local.servers.RealServersInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code addToCart} as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with the
 * lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class AddToCartApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The SKU and cart id of the recorded events. */
    private static final String SKU = "ENAMEL-MUG-01";
    private static final String CART_ID = "cart-7f3c2a91";

    private static final Map<String, String> previousProperties = new LinkedHashMap<>();
    private static FunctionInvoker invoker;

    @BeforeAll
    static void bootTheFunctionAsLambdaDoes() {
        Map<String, Object> properties = new LinkedHashMap<>(RealServersInitializer.properties("cart"));
        properties.put("MAIN_CLASS", CartApplication.class.getName());
        properties.put("spring.cloud.function.definition", "cartApi");
        properties.put("spring.profiles.active", "lambda");
        // An extra source of the invoker's application: hands this test the context the invoker boots.
        properties.put("spring.main.sources", BootedContext.class.getName());
        properties.forEach((name, value) -> {
            previousProperties.put(name, System.getProperty(name));
            System.setProperty(name, String.valueOf(value));
        });
        invoker = new FunctionInvoker();

        // No Kafka binding under the lambda profile: apply the catalog's event as syncCartPrices would.
        EventEnvelope<ProductChanged> mug = aProduct().sku(SKU).name("Enamel mug").price(1450).currency("EUR")
                .changed();
        BootedContext.get().getBean(ProductPrices.class).changed(mug.id(), mug.data());
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
        assertThat(BootedContext.get().getBeanNamesForType(BindingService.class)).isEmpty();
        assertThat(BootedContext.get().getEnvironment().getProperty("spring.cloud.function.definition"))
                .isEqualTo("cartApi");
    }

    private static JsonNode invoke(String event) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream input = AddToCartApiGatewayTest.class.getClassLoader().getResourceAsStream(event)) {
            assertThat(input).as(event).isNotNull();
            invoker.handleRequest(input, output, new TestLambdaContext());
        }
        return JSON.readTree(output.toByteArray());
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

    /** What the Lambda runtime passes along with an event. */
    private static final class TestLambdaContext implements Context {

        @Override
        public String getAwsRequestId() {
            return "3f1b7c52-9d0e-4a8b-b6c1-2e7f9a0d4c11";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/shop-addToCart";
        }

        @Override
        public String getLogStreamName() {
            return "2026/11/22/[$LATEST]0a1b2c3d4e5f";
        }

        @Override
        public String getFunctionName() {
            return "shop-addToCart";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-1:123456789012:function:shop-addToCart";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 10_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
