package dev.shop.cart.http;

import static dev.shop.cart.TestCarts.uniqueCartId;
import static dev.shop.cart.TestProducts.aProduct;
import static dev.shop.runtime.http.HttpRequestBuilder.delete;
import static dev.shop.runtime.http.HttpRequestBuilder.get;
import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static dev.shop.runtime.http.HttpRequestBuilder.put;
import static dev.shop.testing.JsonResponses.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.cart.CartOnRealServers;
import dev.shop.cart.CatalogEvents;
import dev.shop.cart.TestProducts;
import dev.shop.cart.domain.Cart;
import dev.shop.cart.domain.Carts;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@CartOnRealServers
class CartHttpTest {

    @Autowired
    HttpApi cartHttpApi;

    @Autowired
    CatalogEvents catalog;

    @Autowired
    Carts carts;

    @Test
    void addsItemWithCatalogPriceSnapshot() {
        TestProducts mug = aProduct().name("Stoneware mug").price(1299).currency("EUR");
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();

        HttpResponse response = add(cartId, mug.sku(), 2);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", "application/json");
        JsonNode cart = bodyOf(response);
        assertThat(cart.properties()).extracting(Map.Entry::getKey)
                .containsExactly("cartId", "items", "totalCents", "currency", "itemCount", "version", "updatedAt");
        assertThat(cart.get("cartId").asText()).isEqualTo(cartId);
        assertThat(cart.get("items")).hasSize(1);
        JsonNode line = cart.get("items").get(0);
        assertThat(line.get("sku").asText()).isEqualTo(mug.sku());
        assertThat(line.get("name").asText()).isEqualTo("Stoneware mug");
        assertThat(line.get("quantity").asInt()).isEqualTo(2);
        assertThat(line.get("unitPriceCents").asLong()).isEqualTo(1299);
        assertThat(line.get("currency").asText()).isEqualTo("EUR");
        assertThat(line.get("lineTotalCents").asLong()).isEqualTo(2598);
        assertThat(cart.get("totalCents").asLong()).isEqualTo(2598);
        assertThat(cart.get("currency").asText()).isEqualTo("EUR");
        assertThat(cart.get("itemCount").asInt()).isEqualTo(2);
        assertThat(cart.get("version").asLong()).isEqualTo(1);
        assertThat(cart.get("updatedAt").asText()).isNotBlank();
        assertThat(bodyOf(getCart(cartId))).isEqualTo(cart);
    }

    @Test
    void keepsSnapshotWhenCatalogPriceChanges() {
        TestProducts mug = aProduct().price(1299).version(1);
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();
        add(cartId, mug.sku(), 1);

        catalog.publishProduct(mug.price(1599).name("Renamed mug").version(2));

        JsonNode line = bodyOf(getCart(cartId)).get("items").get(0);
        assertThat(line.get("unitPriceCents").asLong()).isEqualTo(1299);
        assertThat(line.get("name").asText()).isEqualTo("Test product");
        // Adding more of the SKU adds to the line at its snapshot price.
        JsonNode merged = bodyOf(add(cartId, mug.sku(), 2));
        assertThat(merged.get("items").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(merged.get("items").get(0).get("unitPriceCents").asLong()).isEqualTo(1299);
        assertThat(merged.get("totalCents").asLong()).isEqualTo(3 * 1299);
        // A cart that adds it now gets today's price.
        JsonNode other = bodyOf(add(uniqueCartId(), mug.sku(), 1));
        assertThat(other.get("items").get(0).get("unitPriceCents").asLong()).isEqualTo(1599);
        assertThat(other.get("items").get(0).get("name").asText()).isEqualTo("Renamed mug");
    }

    @Test
    void mergesQuantityOfSameSku() {
        TestProducts mug = aProduct().price(500);
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();
        add(cartId, mug.sku(), 2);

        JsonNode cart = bodyOf(add(cartId, mug.sku(), 3));

        assertThat(cart.get("items")).hasSize(1);
        assertThat(cart.get("items").get(0).get("quantity").asInt()).isEqualTo(5);
        assertThat(cart.get("items").get(0).get("lineTotalCents").asLong()).isEqualTo(2500);
        assertThat(cart.get("itemCount").asInt()).isEqualTo(5);
        assertThat(cart.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void rejectsQuantityOutsideOneToNinetyNine() {
        TestProducts mug = aProduct();
        catalog.publishProduct(mug);
        String newCart = uniqueCartId();

        assertValidationProblem(add(newCart, mug.sku(), 0), "quantity");
        assertValidationProblem(add(newCart, mug.sku(), 100), "quantity");
        assertThat(carts.find(newCart)).as("a refused first add creates no cart").isEmpty();

        String cartId = uniqueCartId();
        assertThat(add(cartId, mug.sku(), 98).status()).isEqualTo(200);
        Optional<Cart> before = carts.find(cartId);
        HttpResponse aboveLimit = add(cartId, mug.sku(), 2);
        assertValidationProblem(aboveLimit, "quantity");
        assertThat(bodyOf(aboveLimit).get("detail").asText()).contains("100", "at most 99");
        assertValidationProblem(setQuantity(cartId, mug.sku(), 0), "quantity");
        assertValidationProblem(setQuantity(cartId, mug.sku(), 100), "quantity");
        assertThat(carts.find(cartId)).isEqualTo(before);

        assertThat(add(cartId, mug.sku(), 1).status()).isEqualTo(200);
        assertThat(add(uniqueCartId(), mug.sku(), 99).status()).isEqualTo(200);
    }

    @Test
    void rejectsUnknownSku404() {
        String cartId = uniqueCartId();
        String sku = TestProducts.uniqueSku("NEVER-PUBLISHED");

        HttpResponse response = add(cartId, sku, 1);

        assertProblem(response, 404, "not-found");
        assertThat(bodyOf(response).get("detail").asText()).isEqualTo("No product with SKU " + sku);
        assertThat(carts.find(cartId)).isEmpty();
    }

    static Stream<Arguments> badAddBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"sku\": \"MUG\", \"quan", "malformed-json", null),
                Arguments.of("empty body", "", "malformed-json", null),
                Arguments.of("an array, not an object", "[1, 2]", "malformed-json", null),
                Arguments.of("null", "null", "malformed-json", null),
                Arguments.of("quantity as text", "{\"sku\": \"MUG\", \"quantity\": \"two\"}", "validation", "quantity"),
                Arguments.of("quantity as a fraction", "{\"sku\": \"MUG\", \"quantity\": 1.5}", "validation", "quantity"),
                Arguments.of("quantity as a boolean", "{\"sku\": \"MUG\", \"quantity\": true}", "validation", "quantity"),
                Arguments.of("sku as an array", "{\"sku\": [\"MUG\"], \"quantity\": 1}", "validation", "sku"),
                Arguments.of("sku missing", "{\"quantity\": 1}", "validation", "sku"),
                Arguments.of("quantity missing", "{\"sku\": \"MUG\"}", "validation", "quantity"),
                Arguments.of("unknown field", "{\"sku\": \"MUG\", \"quantity\": 1, \"coupon\": \"FREE\"}",
                        "validation", "coupon"),
                Arguments.of("malformed sku", "{\"sku\": \"-MUG\", \"quantity\": 1}", "validation", "sku"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAddBodies")
    void rejectsMalformedJsonWrongTypesMissingAndUnknownFields(String what, String body, String problemType,
                                                              String field) {
        TestProducts mug = aProduct();
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();
        add(cartId, mug.sku(), 1);
        Optional<Cart> before = carts.find(cartId);

        HttpResponse response = cartHttpApi.handle(post("/carts/" + cartId + "/items").body(body).build());

        assertProblem(response, 400, problemType);
        if (field != null) {
            assertThat(bodyOf(response).get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
        assertThat(carts.find(cartId)).isEqualTo(before);
    }

    @Test
    void rejectsMalformedCartIdsAndSkusInThePath() {
        assertValidationProblem(add("-starts-with-dash", "MUG", 1), "cartId");
        assertValidationProblem(add("x".repeat(65), "MUG", 1), "cartId");
        assertValidationProblem(cartHttpApi.handle(get("/carts/has%20space").build()), "cartId");
        assertValidationProblem(setQuantity(uniqueCartId(), "bad%21sku", 1), "sku");
        assertValidationProblem(cartHttpApi.handle(delete("/carts/" + uniqueCartId() + "/items/.dot").build()), "sku");
    }

    @Test
    void rejectsSecondCurrencyWith409() {
        TestProducts euroMug = aProduct().currency("EUR");
        TestProducts dollarMug = aProduct().currency("USD");
        catalog.publishProduct(euroMug);
        catalog.publishProduct(dollarMug);
        String cartId = uniqueCartId();
        add(cartId, euroMug.sku(), 1);
        Optional<Cart> before = carts.find(cartId);

        HttpResponse response = add(cartId, dollarMug.sku(), 1);

        assertProblem(response, 409, "conflict");
        assertThat(bodyOf(response).get("detail").asText()).contains("EUR", "USD", dollarMug.sku());
        assertThat(carts.find(cartId)).isEqualTo(before);
    }

    @Test
    void setsAndRemovesItems() {
        TestProducts mug = aProduct().price(1000);
        TestProducts plate = aProduct().price(250);
        TestProducts bowl = aProduct().price(700);
        Stream.of(mug, plate, bowl).forEach(catalog::publishProduct);
        String cartId = uniqueCartId();
        add(cartId, mug.sku(), 2);
        add(cartId, plate.sku(), 1);
        add(cartId, bowl.sku(), 1);

        JsonNode set = bodyOf(setQuantity(cartId, plate.sku(), 5));
        assertThat(set.get("items").findValuesAsText("sku")).containsExactly(mug.sku(), plate.sku(), bowl.sku());
        assertThat(set.get("items").get(1).get("quantity").asInt()).isEqualTo(5);
        assertThat(set.get("totalCents").asLong()).isEqualTo(2 * 1000 + 5 * 250 + 700);
        assertThat(set.get("itemCount").asInt()).isEqualTo(8);
        assertThat(set.get("version").asLong()).isEqualTo(4);

        HttpResponse removed = cartHttpApi.handle(delete("/carts/" + cartId + "/items/" + mug.sku()).build());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(bodyOf(removed).get("items").findValuesAsText("sku")).containsExactly(plate.sku(), bowl.sku());
        assertThat(bodyOf(removed).get("totalCents").asLong()).isEqualTo(5 * 250 + 700);

        Optional<Cart> before = carts.find(cartId);
        assertProblem(cartHttpApi.handle(delete("/carts/" + cartId + "/items/" + mug.sku()).build()), 404, "not-found");
        assertProblem(setQuantity(cartId, mug.sku(), 1), 404, "not-found");
        assertProblem(setQuantity(uniqueCartId(), mug.sku(), 1), 404, "not-found");
        assertProblem(cartHttpApi.handle(delete("/carts/" + uniqueCartId() + "/items/" + mug.sku()).build()),
                404, "not-found");
        assertThat(carts.find(cartId)).isEqualTo(before);

        cartHttpApi.handle(delete("/carts/" + cartId + "/items/" + plate.sku()).build());
        JsonNode empty = bodyOf(cartHttpApi.handle(delete("/carts/" + cartId + "/items/" + bowl.sku()).build()));
        assertThat(empty.get("items")).isEmpty();
        assertThat(empty.get("totalCents").asLong()).isZero();
        assertThat(empty.get("itemCount").asInt()).isZero();
        assertThat(empty.get("currency").isNull()).isTrue();
    }

    @Test
    void deletesCart() {
        TestProducts mug = aProduct();
        catalog.publishProduct(mug);
        String cartId = uniqueCartId();
        add(cartId, mug.sku(), 3);

        HttpResponse deleted = cartHttpApi.handle(delete("/carts/" + cartId).build());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(carts.find(cartId)).isEmpty();
        assertProblem(getCart(cartId), 404, "not-found");
        assertProblem(cartHttpApi.handle(delete("/carts/" + cartId).build()), 404, "not-found");
        // A cart id is free again once its cart is deleted.
        assertThat(bodyOf(add(cartId, mug.sku(), 1)).get("itemCount").asInt()).isEqualTo(1);
    }

    @Test
    void returns404ForUnknownCart() {
        String cartId = uniqueCartId();

        HttpResponse response = getCart(cartId);

        assertProblem(response, 404, "not-found");
        JsonNode problem = bodyOf(response);
        assertThat(problem.get("detail").asText()).isEqualTo("No cart with id " + cartId);
        assertThat(problem.get("instance").asText()).isEqualTo("/carts/" + cartId);
    }

    private HttpResponse add(String cartId, String sku, int quantity) {
        return cartHttpApi.handle(post("/carts/" + cartId + "/items").jsonFields("sku", sku, "quantity", quantity)
                .build());
    }

    private HttpResponse setQuantity(String cartId, String sku, int quantity) {
        return cartHttpApi.handle(put("/carts/" + cartId + "/items/" + sku).jsonFields("quantity", quantity).build());
    }

    private HttpResponse getCart(String cartId) {
        return cartHttpApi.handle(get("/carts/" + cartId).build());
    }

    private static void assertValidationProblem(HttpResponse response, String field) {
        assertProblem(response, 400, "validation");
        assertThat(bodyOf(response).get("errors").findValuesAsText("field")).containsExactly(field);
    }

    private static void assertProblem(HttpResponse response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(bodyOf(response).get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(bodyOf(response).get("status").asInt()).isEqualTo(status);
    }
}
