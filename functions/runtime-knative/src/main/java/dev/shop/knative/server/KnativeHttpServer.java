package dev.shop.knative.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shop.runtime.http.CloudEventRequests;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.problem.Problems;

/**
 * The HTTP face of one module as a Knative Service: the module's manifest routes through {@link HttpApi} (the
 * same statuses and problem details as the local gateway and API Gateway), CloudEvents from Knative Eventing on
 * {@code POST /cloudevents/<function>} through {@link CloudEventRequests} (the same dedupe and poison policy as a
 * Kafka record), and {@code GET /healthz} for the readiness probe. The JDK's own server, as the local gateway uses:
 * nothing else to start, which keeps a scale-from-zero start short.
 */
public final class KnativeHttpServer implements AutoCloseable {

    public static final String CLOUD_EVENTS_PATH = "/cloudevents/";
    public static final String HEALTH_PATH = "/healthz";

    private final HttpServer server;
    private final ExecutorService workers;
    private final HttpApi api;
    private final CloudEventRequests cloudEvents;

    private KnativeHttpServer(HttpServer server, HttpApi api, CloudEventRequests cloudEvents) {
        this.server = server;
        this.api = api;
        this.cloudEvents = cloudEvents;
        // Virtual threads: Knative's containerConcurrency bounds the requests in flight, not a pool here.
        this.workers = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(workers);
        server.createContext("/", this::serve);
    }

    /** Starts on {@code port} (0 picks a free one) on every interface, as a container must listen. */
    public static KnativeHttpServer start(int port, HttpApi api, CloudEventRequests cloudEvents) throws IOException {
        KnativeHttpServer started = new KnativeHttpServer(HttpServer.create(new InetSocketAddress(port), 0), api,
                cloudEvents);
        started.server.start();
        return started;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest request = request(exchange);
            write(exchange, respond(request));
        }
    }

    private HttpResponse respond(HttpRequest request) {
        String path = request.path();
        if (path.equals(HEALTH_PATH) && request.method().equals("GET")) {
            return HttpResponse.json(200, "{\"status\":\"UP\"}");
        }
        if (path.startsWith(CLOUD_EVENTS_PATH)) {
            if (!request.method().equals("POST")) {
                return api.problem(Problems.methodNotAllowed("CloudEvents are POSTed"), request)
                        .withHeader("allow", "POST");
            }
            return cloudEvents.handle(path.substring(CLOUD_EVENTS_PATH.length()), request);
        }
        return api.handle(request);
    }

    private static HttpRequest request(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            // One byte past the limit is enough for HttpApi to answer 413 without reading a huge body.
            body = in.readNBytes(HttpApi.MAX_BODY_BYTES + 1);
        }
        String requestId = exchange.getRequestHeaders().getFirst("x-request-id");
        requestId = requestId == null || requestId.isBlank() ? UUID.randomUUID().toString() : requestId;
        return new HttpRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), Map.of(),
                query(exchange.getRequestURI().getRawQuery()), headers, body, requestId);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static void write(HttpExchange exchange, HttpResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.bodyBytes();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.close();
    }
}
