package dev.shop.inventory.http;

import static dev.shop.local.servers.RealServersInitializer.ADMIN_TOKEN;

import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.inventory.InventoryOnRealServers;
import dev.shop.inventory.Stockroom;
import dev.shop.inventory.domain.Stock;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.HttpRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static dev.shop.inventory.Commands.reserve;
import static dev.shop.inventory.Commands.uniqueCheckoutId;
import static dev.shop.inventory.Commands.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The admin's face of the inventory: set and read a SKU's stock. */
@InventoryOnRealServers
class InventoryHttpTest {

    @Autowired
    HttpApi inventoryHttpApi;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    ApplicationContext context;

    Stockroom stockroom;

    @BeforeEach
    void open() {
        stockroom = new Stockroom(context);
    }

    @Test
    void setsStockAndServesIt() throws Exception {
        String sku = uniqueSku();

        HttpResponse created = call(setStock(sku, 12));
        HttpResponse changed = call(setStock(sku, 7));
        HttpResponse read = call(HttpRequestBuilder.get("/inventory/" + sku));

        assertThat(created.status()).isEqualTo(200);
        assertThat(stock(created)).isEqualTo(new Stock(sku, 12, 0));
        assertThat(stock(changed)).isEqualTo(new Stock(sku, 7, 0));
        assertThat(read.status()).isEqualTo(200);
        assertThat(mapper.readTree(read.body()).properties()).extracting(Map.Entry::getKey)
                .containsExactly("sku", "available", "reserved");
        assertThat(stock(read)).isEqualTo(new Stock(sku, 7, 0));
    }

    @Test
    void showsHeldStockAndAcceptsLessThanIsHeld() throws Exception {
        String sku = stockroom.stocked(10);
        String checkoutId = uniqueCheckoutId();
        stockroom.reserve(reserve(checkoutId).line(sku, 6));

        assertThat(stock(call(HttpRequestBuilder.get("/inventory/" + sku)))).isEqualTo(new Stock(sku, 4, 6));
        // Available counts free units only: lowering it below what is held takes nothing away from checkouts.
        assertThat(stock(call(setStock(sku, 2)))).isEqualTo(new Stock(sku, 2, 6));

        stockroom.release(checkoutId);

        assertThat(stock(call(HttpRequestBuilder.get("/inventory/" + sku)))).isEqualTo(new Stock(sku, 8, 0));
    }

    @Test
    void acceptsTheWholeRange() throws Exception {
        String sku = uniqueSku();

        assertThat(stock(call(setStock(sku, 1_000_000))).available()).isEqualTo(1_000_000);
        assertThat(stock(call(setStock(sku, 0))).available()).isZero();
    }

    @Test
    void adminRoutesNeedToken() {
        String sku = uniqueSku();

        HttpResponse missing = call(HttpRequestBuilder.put("/inventory/" + sku).json(Map.of("available", 5)));
        HttpResponse wrong = call(HttpRequestBuilder.put("/inventory/" + sku).header("authorization", "Bearer nope")
                .json(Map.of("available", 5)));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(call(HttpRequestBuilder.get("/inventory/" + sku)).status()).isEqualTo(404);
    }

    static Stream<Arguments> badStockLevels() {
        return Stream.of(
                arguments("negative", Map.of("available", -1)),
                arguments("above a million", Map.of("available", 1_000_001)),
                arguments("missing", Map.of()),
                arguments("null", nullAvailable()),
                arguments("not a number", Map.of("available", "ten")),
                arguments("fraction", Map.of("available", 1.5)),
                arguments("unknown field", Map.of("available", 1, "reserved", 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStockLevels")
    void rejectsBadStockLevelAndWritesNothing(String name, Map<String, Object> body) throws Exception {
        String sku = uniqueSku();

        HttpResponse response = call(HttpRequestBuilder.put("/inventory/" + sku).asAdmin(ADMIN_TOKEN).json(body));

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.get("errors").findValuesAsText("field")).containsAnyOf("available", "reserved");
        assertThat(call(HttpRequestBuilder.get("/inventory/" + sku)).status()).isEqualTo(404);
    }

    @Test
    void rejectsMalformedBodyAndSku() throws Exception {
        HttpResponse malformed = call(HttpRequestBuilder.put("/inventory/" + uniqueSku()).asAdmin(ADMIN_TOKEN)
                .body("{\"available\":"));
        HttpResponse badSku = call(HttpRequestBuilder.get("/inventory/bad%20sku!"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(mapper.readTree(malformed.body()).get("type").asText()).isEqualTo("/problems/malformed-json");
        assertThat(badSku.status()).isEqualTo(400);
        assertThat(mapper.readTree(badSku.body()).get("errors").get(0).get("field").asText()).isEqualTo("sku");
    }

    @Test
    void answers404ProblemForUnknownSku() throws Exception {
        String sku = uniqueSku();

        HttpResponse response = call(HttpRequestBuilder.get("/inventory/" + sku));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.get("detail").asText()).isEqualTo("No stock is recorded for SKU " + sku);
    }

    private static Map<String, Object> nullAvailable() {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("available", null);
        return body;
    }

    private Stock stock(HttpResponse response) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return mapper.readValue(response.body(), Stock.class);
    }

    private HttpResponse call(HttpRequestBuilder request) {
        return inventoryHttpApi.handle(request.build());
    }

    /** {@code PUT /inventory/{sku}} as an admin, setting {@code available}. */
    private static HttpRequestBuilder setStock(String sku, Object available) {
        return HttpRequestBuilder.put("/inventory/" + sku).asAdmin(ADMIN_TOKEN).json(Map.of("available", available));
    }
}
