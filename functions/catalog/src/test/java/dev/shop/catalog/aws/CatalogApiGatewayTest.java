package dev.shop.catalog.aws;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.catalog.CatalogApplication;
import dev.shop.testing.LambdaFunctionHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.shop.catalog.ProductDrafts.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with the
 * lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class CatalogApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LambdaFunctionHost lambda = LambdaFunctionHost.of("catalog", CatalogApplication.class, "catalogApi");

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

    private static JsonNode invoke(String fixture, String sku) {
        return lambda.invoke("events/" + fixture, Map.of("sku", sku));
    }
}
