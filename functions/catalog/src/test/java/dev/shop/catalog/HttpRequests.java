package dev.shop.catalog;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.servers.RealServersInitializer;
import dev.shop.runtime.http.HttpRequest;

/** Builds HTTP requests for the catalog's HttpApi. */
public final class HttpRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
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

    public static HttpRequests delete(String path) {
        return new HttpRequests("DELETE", path);
    }

    public static HttpRequests post(String path) {
        return new HttpRequests("POST", path).header("content-type", "application/json");
    }

    public HttpRequests query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public HttpRequests header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpRequests asAdmin() {
        return header("authorization", "Bearer " + RealServersInitializer.ADMIN_TOKEN);
    }

    public HttpRequests correlationId(String id) {
        return header("x-correlation-id", id);
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
        return new HttpRequest(method, path, null, query, headers, body, UUID.randomUUID().toString());
    }
}
