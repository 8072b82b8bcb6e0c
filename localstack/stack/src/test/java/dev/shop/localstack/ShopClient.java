package dev.shop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A shopper's and an admin's view of the running stack, over real HTTP through its gateway. */
final class ShopClient implements AutoCloseable {

    static final Duration SAGA_DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ShopClient(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A product with stock, set up as an admin would. */
    String product(String name, long priceCents, int stock) {
        String sku = "SAGA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Reply product = send("PUT", "/products/" + sku, """
                {"name": "%s", "category": "test", "priceCents": %d, "currency": "USD"}""".formatted(name, priceCents),
                true, null);
        assertThat(product.status()).as(product.raw().body()).isEqualTo(201);
        stock(sku, stock);
        return sku;
    }

    void stock(String sku, int available) {
        Reply reply = send("PUT", "/inventory/" + sku, "{\"available\": " + available + "}", true, null);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    }

    /** Adds to a cart, waiting until the cart has heard of the product (its price replica fills from events). */
    void addToCart(String cartId, String sku, int quantity) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                send("POST", "/carts/" + cartId + "/items",
                        "{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}", false, null).status() == 200);
    }

    /** POST /checkouts, once: the checkout asks the cart itself, so a cart change just made is what it buys. */
    Reply checkout(String cartId, String customerId, String paymentToken, String idempotencyKey) {
        String body = """
                {"cartId": "%s", "customerId": "%s", "paymentToken": "%s"}""".formatted(cartId, customerId, paymentToken);
        return send("POST", "/checkouts", body, false, idempotencyKey);
    }

    String startCheckout(String cartId, String customerId, String paymentToken) {
        Reply reply = checkout(cartId, customerId, paymentToken, UUID.randomUUID().toString());
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(202);
        return reply.body().get("checkoutId").asText();
    }

    /** GET /checkouts/{id} once it has left RUNNING. */
    JsonNode awaitOutcome(String checkoutId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(SAGA_DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = get("/checkouts/" + checkoutId).body();
            return !"RUNNING".equals(last[0].path("status").asText());
        });
        return last[0];
    }

    Reply get(String path) {
        return send("GET", path, null, false, null);
    }

    Reply getAsAdmin(String path) {
        return send("GET", path, null, true, null);
    }

    Reply send(String method, String path, String body, boolean admin, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (admin) {
            request.header("authorization", "Bearer " + adminToken);
        }
        if (idempotencyKey != null) {
            request.header("idempotency-key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
