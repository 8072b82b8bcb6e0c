package dev.shop.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.shop.runtime.http.HttpRequest;

/** Builds cloud-neutral HTTP requests for an HttpApi. */
public final class Requests {

    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private String requestId = UUID.randomUUID().toString();

    private Requests(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static Requests request(String method, String path) {
        return new Requests(method, path);
    }

    public static Requests get(String path) {
        return new Requests("GET", path);
    }

    public static Requests post(String path) {
        return new Requests("POST", path).header("content-type", "application/json");
    }

    public static Requests put(String path) {
        return new Requests("PUT", path).header("content-type", "application/json");
    }

    public Requests query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public Requests header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Requests body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public Requests body(byte[] bytes) {
        body = bytes;
        return this;
    }

    public Requests requestId(String id) {
        requestId = id;
        return this;
    }

    public HttpRequest build() {
        return new HttpRequest(method, path, null, query, headers, body, requestId);
    }
}
