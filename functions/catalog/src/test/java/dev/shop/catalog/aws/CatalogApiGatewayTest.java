package dev.shop.catalog.aws;

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

import static dev.shop.catalog.ProductDrafts.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with the
 * lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class CatalogApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> previous = new HashMap<>();
    private static FunctionInvoker lambda;

    @BeforeAll
    static void bootLikeLambda() {
        Map<String, Object> properties = new HashMap<>(RealServersInitializer.properties("catalog"));
        properties.put("MAIN_CLASS", "dev.shop.catalog.CatalogApplication");
        properties.put("spring.profiles.active", "lambda");
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, String.valueOf(v))));
        lambda = new FunctionInvoker("catalogApi");
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
    void createsAndServesProductFromRecordedEvents() throws IOException {
        String sku = uniqueSku();

        JsonNode created = invoke("apigw-put-product.json", sku);
        JsonNode first = invoke("apigw-get-product.json", sku);
        JsonNode second = invoke("apigw-get-product.json", sku);

        assertThat(created.get("statusCode").asInt()).isEqualTo(201);
        assertThat(first.get("statusCode").asInt()).isEqualTo(200);
        assertThat(first.get("headers").get("x-cache").asText()).isEqualTo("MISS");
        assertThat(second.get("headers").get("x-cache").asText()).isEqualTo("HIT");
        JsonNode product = JSON.readTree(first.get("body").asText());
        assertThat(product.get("sku").asText()).isEqualTo(sku);
        assertThat(product.get("name").asText()).isEqualTo("Travel Mug");
        assertThat(product.get("priceCents").asLong()).isEqualTo(2499);
    }

    @Test
    void answersProblemDetailsForUnknownProduct() throws IOException {
        JsonNode response = invoke("apigw-get-product.json", uniqueSku());

        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.get("headers").get("content-type").asText()).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(response.get("body").asText()).get("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void refusesAdminRouteWithoutToken() throws IOException {
        String sku = uniqueSku();

        JsonNode response = invoke("apigw-put-product-unauthorized.json", sku);

        assertThat(response.get("statusCode").asInt()).isEqualTo(401);
        assertThat(invoke("apigw-get-product.json", sku).get("statusCode").asInt()).isEqualTo(404);
    }

    private static JsonNode invoke(String fixture, String sku) throws IOException {
        String event = fixture(fixture).replace("${sku}", sku).replace("${correlationId}", UUID.randomUUID().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lambda.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = CatalogApiGatewayTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
