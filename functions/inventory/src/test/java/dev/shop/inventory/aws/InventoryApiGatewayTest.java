package dev.shop.inventory.aws;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.servers.RealServersInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import static dev.shop.inventory.Commands.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with the
 * lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class InventoryApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> previous = new HashMap<>();
    private static FunctionInvoker lambda;

    @BeforeAll
    static void bootLikeLambda() {
        Map<String, Object> properties = new HashMap<>(RealServersInitializer.properties("inventory"));
        properties.put("MAIN_CLASS", "dev.shop.inventory.InventoryApplication");
        properties.put("spring.profiles.active", "lambda");
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, String.valueOf(v))));
        lambda = new FunctionInvoker("inventoryApi");
    }

    @AfterAll
    static void restoreSystemProperties() {
        previous.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void setsAndServesStockFromRecordedEvents() throws IOException {
        String sku = uniqueSku();

        JsonNode set = invoke("apigw-put-stock.json", sku);
        JsonNode read = invoke("apigw-get-stock.json", sku);

        assertThat(set.get("statusCode").asInt()).isEqualTo(200);
        assertThat(read.get("statusCode").asInt()).isEqualTo(200);
        JsonNode stock = JSON.readTree(read.get("body").asText());
        assertThat(stock.get("sku").asText()).isEqualTo(sku);
        assertThat(stock.get("available").asLong()).isEqualTo(7);
        assertThat(stock.get("reserved").asLong()).isZero();
    }

    @Test
    void answersProblemDetailsForUnknownSku() throws IOException {
        JsonNode response = invoke("apigw-get-stock.json", uniqueSku());

        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.get("body").asText()).get("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void refusesAdminRouteWithoutToken() throws IOException {
        String sku = uniqueSku();

        JsonNode response = invoke("apigw-put-stock-unauthorized.json", sku);

        assertThat(response.get("statusCode").asInt()).isEqualTo(401);
        assertThat(invoke("apigw-get-stock.json", sku).get("statusCode").asInt()).isEqualTo(404);
    }

    private static JsonNode invoke(String fixture, String sku) throws IOException {
        String event = fixture(fixture).replace("${sku}", sku).replace("${correlationId}", UUID.randomUUID().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lambda.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = InventoryApiGatewayTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
