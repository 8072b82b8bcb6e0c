package dev.shop.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds cloud-neutral HTTP requests for a module's {@link HttpApi}, as a gateway would hand them over (tests, and
 * the requests that prime a function before a snapshot): {@code put("/products/MUG").asAdmin(token).json(draft).build()}. POST and PUT carry
 * {@code content-type: application/json}, and so does any request given a body, unless a header says otherwise.
 */
public final class HttpRequestBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private String requestId = UUID.randomUUID().toString();

    private HttpRequestBuilder(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static HttpRequestBuilder request(String method, String path) {
        return new HttpRequestBuilder(method, path);
    }

    public static HttpRequestBuilder get(String path) {
        return new HttpRequestBuilder("GET", path);
    }

    public static HttpRequestBuilder post(String path) {
        return new HttpRequestBuilder("POST", path).header("content-type", "application/json");
    }

    public static HttpRequestBuilder put(String path) {
        return new HttpRequestBuilder("PUT", path).header("content-type", "application/json");
    }

    public static HttpRequestBuilder delete(String path) {
        return new HttpRequestBuilder("DELETE", path);
    }

    public HttpRequestBuilder query(String name, String value) {
        query.put(name, value);
        return this;
    }

    /** Parameters as in a URL, e.g. {@code customerId=c1&limit=2}; values are taken as they are. */
    public HttpRequestBuilder queryString(String parameters) {
        if (parameters != null) {
            for (String pair : parameters.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return this;
    }

    public HttpRequestBuilder header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** {@code Authorization: Bearer <token>}. */
    public HttpRequestBuilder asAdmin(String token) {
        return header("authorization", "Bearer " + token);
    }

    public HttpRequestBuilder correlationId(String correlationId) {
        return header("x-correlation-id", correlationId);
    }

    public HttpRequestBuilder idempotencyKey(String key) {
        return header("Idempotency-Key", key);
    }

    /** The value written as JSON (a map, a record, anything Jackson writes). */
    public HttpRequestBuilder json(Object value) {
        try {
            return body(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A JSON object body from alternating field names and values: {@code jsonFields("sku", "MUG", "quantity", 2)}. */
    public HttpRequestBuilder jsonFields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return json(fields);
    }

    /** The body exactly as given, for bodies that are not what the API expects. */
    public HttpRequestBuilder body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public HttpRequestBuilder body(byte[] bytes) {
        body = bytes;
        if (headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
            headers.put("content-type", "application/json");
        }
        return this;
    }

    /** The gateway's request id, the correlation id when the request has none of its own. */
    public HttpRequestBuilder requestId(String id) {
        requestId = id;
        return this;
    }

    public HttpRequest build() {
        return new HttpRequest(method, path, null, query, headers, body, requestId);
    }
}
