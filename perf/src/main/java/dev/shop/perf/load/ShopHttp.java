package dev.shop.perf.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The shop's public API over real HTTP, as a client sees it. Thread-safe; one per load run. */
public final class ShopHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String adminToken;
    private final HttpClient http;

    public ShopHttp(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public URI base() {
        return base;
    }

    /** A response: status, the headers a scenario reads, and the body as JSON (empty object when not JSON). */
    public record Reply(int status, String cache, String correlationId, JsonNode body, String text) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** {@code 404 Not Found}-style: the status and the problem's title, for failure counts. */
        public String problem() {
            String title = body.path("title").asText("");
            return status + (title.isEmpty() ? "" : " " + title);
        }

        /** The status, title and detail, for an error message. */
        public String problemDetail() {
            String detail = body.path("detail").asText("");
            return problem() + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    public Reply get(String path, String correlationId) throws IOException, InterruptedException {
        return send("GET", path, null, false, null, correlationId);
    }

    public Reply send(String method, String path, Object body, boolean admin, String idempotencyKey,
                      String correlationId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (admin) {
            if (adminToken == null) {
                throw new IllegalStateException("this needs the stack's admin token: set SHOP_ADMIN_TOKEN or "
                        + "--admin-token (a local stack's stack file has it)");
            }
            request.header("authorization", "Bearer " + adminToken);
        }
        if (idempotencyKey != null) {
            request.header("idempotency-key", idempotencyKey);
        }
        if (correlationId != null) {
            request.header("x-correlation-id", correlationId);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode json;
        try {
            json = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException notJson) {
            json = JSON.createObjectNode();
        }
        return new Reply(response.statusCode(), response.headers().firstValue("x-cache").orElse(null),
                response.headers().firstValue("x-correlation-id").orElse(null), json, text);
    }

    @Override
    public void close() {
        http.close();
    }
}
