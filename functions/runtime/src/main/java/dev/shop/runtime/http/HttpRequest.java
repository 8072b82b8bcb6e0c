package dev.shop.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A cloud-neutral HTTP request as a function sees it. Header names are lower case; path parameters come
 * from the matched route template. {@code claims} are those of a token the platform's gateway verified (API
 * Gateway's JWT authorizer), empty where there is none.
 */
public record HttpRequest(String method, String path, Map<String, String> pathParameters,
                          Map<String, String> queryParameters, Map<String, String> headers, byte[] body,
                          String requestId, Map<String, String> claims) {

    public HttpRequest(String method, String path, Map<String, String> pathParameters,
                       Map<String, String> queryParameters, Map<String, String> headers, byte[] body,
                       String requestId) {
        this(method, path, pathParameters, queryParameters, headers, body, requestId, Map.of());
    }

    public HttpRequest {
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        method = method.toUpperCase(Locale.ROOT);
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        headers = lowerCaseKeys(headers);
        body = body == null ? new byte[0] : body;
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The id that ties this request to everything it causes: the caller's (up to 128 characters, none of them
     * control characters, as it is stored and logged), else the gateway's request id.
     */
    public String correlationId() {
        return header("x-correlation-id")
                .filter(v -> !v.isBlank() && v.length() <= 128 && v.chars().noneMatch(Character::isISOControl))
                .orElse(requestId);
    }

    public HttpRequest withPathParameters(Map<String, String> parameters) {
        return new HttpRequest(method, path, parameters, queryParameters, headers, body, requestId, claims);
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        Map<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        }
        return Map.copyOf(lower);
    }
}
