package dev.shop.checkout;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;

/**
 * HTTP requests for the checkout's {@code HttpApi}, as the gateway would hand them over:
 * {@code post("/checkouts").idempotencyKey(key).json(aCheckoutOf(cartId)).build()}.
 */
public final class TestRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private TestRequests(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static TestRequests get(String path) {
        return new TestRequests("GET", path);
    }

    public static TestRequests post(String path) {
        return new TestRequests("POST", path);
    }

    /** An Idempotency-Key no other test uses. */
    public static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }

    public TestRequests idempotencyKey(String key) {
        return header("Idempotency-Key", key);
    }

    public TestRequests json(CheckoutBodies checkout) {
        return body(checkout.json());
    }

    /** The body exactly as given, for bodies that are not what the API expects. */
    public TestRequests body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        headers.putIfAbsent("content-type", "application/json");
        return this;
    }

    public TestRequests header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public TestRequests correlationId(String correlationId) {
        return header("x-correlation-id", correlationId);
    }

    /** A response body as JSON, for assertions. */
    public static JsonNode bodyOf(HttpResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("response body is not JSON: " + response.body(), e);
        }
    }

    public HttpRequest build() {
        return new HttpRequest(method, path, null, null, headers, body, UUID.randomUUID().toString());
    }
}
