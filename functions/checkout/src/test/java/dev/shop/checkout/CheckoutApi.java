package dev.shop.checkout;

import static dev.shop.checkout.CheckoutBodies.aCheckoutOf;
import static dev.shop.checkout.CheckoutBodies.uniqueKey;
import static dev.shop.runtime.http.HttpRequestBuilder.get;
import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static dev.shop.testing.JsonResponses.bodyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.HttpRequestBuilder;

/** The checkout's HTTP API as a client uses it: start a checkout, read it, wait for it to finish. */
public class CheckoutApi {

    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private final HttpApi http;

    CheckoutApi(HttpApi http) {
        this.http = http;
    }

    /** A checkout that answered 202, with what it was started with. */
    public record Started(String checkoutId, String idempotencyKey, String correlationId, CheckoutBodies body) {
    }

    public HttpResponse call(HttpRequestBuilder request) {
        return http.handle(request.build());
    }

    /** {@code POST /checkouts} for the cart under a fresh key and correlation id; it must be accepted. */
    public Started start(String cartId) {
        return start(aCheckoutOf(cartId));
    }

    public Started start(CheckoutBodies body) {
        String key = uniqueKey();
        String correlationId = "checkout-test-" + UUID.randomUUID();
        HttpResponse response = call(post("/checkouts").idempotencyKey(key).correlationId(correlationId).json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return new Started(bodyOf(response).get("checkoutId").asText(), key, correlationId, body);
    }

    /** {@code GET /checkouts/{id}}; it must be found. */
    public JsonNode describe(String checkoutId) {
        HttpResponse response = call(get("/checkouts/" + checkoutId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return bodyOf(response);
    }

    /** Waits until the checkout reports this status, and returns what it reports. */
    public JsonNode awaitStatus(String checkoutId, String status) {
        return await("checkout " + checkoutId + " " + status).atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> describe(checkoutId), view -> status.equals(view.get("status").asText()));
    }
}
