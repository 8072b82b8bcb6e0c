package dev.shop.inventory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.servers.RealServersInitializer;
import dev.shop.runtime.http.HttpRequest;

/** Builds HTTP requests for the inventory's HttpApi. */
public final class HttpRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    private HttpRequests(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static HttpRequests get(String path) {
        return new HttpRequests("GET", path);
    }

    public static HttpRequests put(String path) {
        return new HttpRequests("PUT", path).header("content-type", "application/json");
    }

    /** {@code PUT /inventory/{sku}} as an admin, setting {@code available}. */
    public static HttpRequests setStock(String sku, Object available) {
        return put("/inventory/" + sku).asAdmin().json(Map.of("available", available));
    }

    public HttpRequests header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpRequests asAdmin() {
        return header("authorization", "Bearer " + RealServersInitializer.ADMIN_TOKEN);
    }

    public HttpRequests json(Object value) {
        try {
            body = JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    public HttpRequests body(String raw) {
        body = raw.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public HttpRequest build() {
        return new HttpRequest(method, path, null, null, headers, body, UUID.randomUUID().toString());
    }
}
