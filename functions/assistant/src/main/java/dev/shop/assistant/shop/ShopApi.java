package dev.shop.assistant.shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.shop.runtime.crac.CracResources;

/**
 * The shop's public HTTP API as a shopper's agent calls it. Transient failures (connection errors, 429,
 * 502, 503, 504) are retried with exponential backoff; every other answer is returned as it is.
 *
 * <p>A CRaC resource: its client (and the connections it pools) is closed before a SnapStart checkpoint and a new
 * one is made after the restore, so a restored instance never reuses a socket of the snapshotted process.
 */
public class ShopApi implements CracResources.CheckpointAware {

    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The call could not be completed even after retries. */
    public static class UnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private volatile HttpClient http;
    private final ObjectMapper mapper;
    private final String baseUrl;
    private final String adminToken;
    private final int attempts;
    private final Duration firstBackoff;

    public ShopApi(String baseUrl, ObjectMapper mapper, String adminToken, int attempts, Duration firstBackoff) {
        this.http = newClient();
        this.mapper = mapper;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.adminToken = adminToken;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The client calls go through now; a new one after every restore. */
    public HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                if (http == null) {
                    http = newClient();
                }
                c = http;
            }
        }
        return c;
    }

    @Override
    public String name() {
        return "shop-api";
    }

    /** Closes the client and its pooled connections (waiting for calls under way); the next call makes a new one. */
    @Override
    public synchronized void suspend() {
        HttpClient c = http;
        http = null;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void resume() {
        client();
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of(), false);
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers, false);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of(), false);
    }

    public Response adminPut(String path, Object body) {
        return send("PUT", path, body, Map.of(), true);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of(), false);
    }

    private Response send(String method, String path, Object body, Map<String, String> headers, boolean admin) {
        Duration backoff = firstBackoff;
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(15))
                        .header("accept", "application/json");
                headers.forEach(request::header);
                if (admin && adminToken != null) {
                    request.header("authorization", "Bearer " + adminToken);
                }
                if (body != null) {
                    request.header("content-type", "application/json");
                    request.method(method, HttpRequest.BodyPublishers.ofString(
                            body instanceof String s ? s : mapper.writeValueAsString(body)));
                } else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if ((status == 429 || status == 502 || status == 503 || status == 504) && attempt < attempts) {
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2);
                    continue;
                }
                String text = response.body();
                JsonNode json = text == null || text.isBlank() ? NullNode.getInstance() : mapper.readTree(text);
                return new Response(status, json);
            } catch (IOException e) {
                last = new UnavailableException(method + " " + path + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnavailableException(method + " " + path + " was interrupted", e);
            }
            if (attempt < attempts) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
        throw last;
    }

    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted", e);
        }
    }
}
