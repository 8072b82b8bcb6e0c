package dev.shop.inventory.aws;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.inventory.InventoryApplication;
import dev.shop.testing.LambdaFunctionHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.shop.inventory.Commands.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory as Lambda runs it: the Spring Cloud Function AWS adapter boots the application with the
 * lambda profile and hands it recorded API Gateway HTTP API (payload 2.0) events.
 */
class InventoryApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LambdaFunctionHost lambda =
            LambdaFunctionHost.of("inventory", InventoryApplication.class, "inventoryApi");

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

    private static JsonNode invoke(String fixture, String sku) {
        return lambda.invoke("events/" + fixture, Map.of("sku", sku));
    }
}
