package dev.shop.order;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.shop.local.servers.RealServersInitializer;
import dev.shop.runtime.http.HttpRequest;

/** Builds HTTP requests for the order HttpApi. */
public final class HttpRequests {

    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpRequests(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static HttpRequests of(String method, String path) {
        return new HttpRequests(method, path);
    }

    public static HttpRequests get(String path) {
        return new HttpRequests("GET", path);
    }

    public HttpRequests query(String name, String value) {
        query.put(name, value);
        return this;
    }

    /** Parameters as in a URL, e.g. {@code customerId=c1&limit=2}; values are taken as they are. */
    public HttpRequests queryString(String parameters) {
        if (parameters != null) {
            for (String pair : parameters.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return this;
    }

    public HttpRequests header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpRequests asAdmin() {
        return header("authorization", "Bearer " + RealServersInitializer.ADMIN_TOKEN);
    }

    public HttpRequest build() {
        return new HttpRequest(method, path, null, query, headers, null, UUID.randomUUID().toString());
    }
}
