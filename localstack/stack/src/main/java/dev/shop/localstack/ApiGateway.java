package dev.shop.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shop.runtime.problem.Problem;
import dev.shop.runtime.problem.Problems;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local stack's front door: an API-Gateway-compatible HTTP server. It routes each request by the function
 * manifest's HTTP routes, builds the API Gateway HTTP API event (payload 2.0) the function would get in AWS,
 * invokes the module's HTTP handler function in this JVM and writes its response back.
 *
 * <p>Like API Gateway it answers by itself when no function can: {@code 404} for an unknown path, {@code 405} with
 * {@code Allow} for a known path with the wrong method, {@code 413} for a body over {@link #MAX_BODY_BYTES}
 * (without reading it), {@code 502} when a function fails and {@code 504} when it outlives its manifest timeout.
 * Those answers are problem details, like the functions' own. It also serves {@code GET /health} and
 * {@code GET /metrics} (Prometheus text). Every response carries {@code x-request-id}, the event's request id.
 */
public final class ApiGateway implements AutoCloseable {

    /** API Gateway takes 10 MB; the local gateway stops at 1 MiB. The functions themselves take at most 64 KiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    public static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    public static final String REQUEST_ID_HEADER = "x-request-id";

    private static final Logger log = LoggerFactory.getLogger(ApiGateway.class);
    // Hop-by-hop and framing headers are the server's to write, never the function's.
    private static final Set<String> RESERVED_RESPONSE_HEADERS =
            Set.of("content-length", "transfer-encoding", "connection", "keep-alive", REQUEST_ID_HEADER);

    /** A module's running Spring context and its HTTP handler function (the manifest's {@code httpHandler}). */
    public record FunctionModule(String name, ConfigurableApplicationContext context,
                                 Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    }

    private record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        static Reply json(int status, String json) {
            return new Reply(status, Map.of("content-type", List.of("application/json")),
                    json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final GatewayRoutes routes;
    private final Map<String, FunctionModule> modules;
    private final ServerHealth health;
    private final PrometheusMeterRegistry registry;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService invocations = Executors.newVirtualThreadPerTaskExecutor();

    /** Routes the module's requests to a new instance of it (a restarted module). */
    void replace(FunctionModule module) {
        if (!modules.containsKey(module.name())) {
            throw new IllegalArgumentException("module " + module.name() + " is not behind this gateway");
        }
        modules.put(module.name(), module);
    }

    ApiGateway(HttpServer server, GatewayRoutes routes, Map<String, FunctionModule> modules, ServerHealth health,
               PrometheusMeterRegistry registry) {
        this.server = server;
        this.routes = routes;
        this.modules = new java.util.concurrent.ConcurrentHashMap<>(modules);
        this.health = health;
        this.registry = registry;
        for (GatewayRoutes.Route route : routes.routes()) {
            if (!this.modules.containsKey(route.module())) {
                throw new IllegalArgumentException("route " + route.routeKey() + " names module " + route.module()
                        + ", which is not running");
            }
        }
    }

    /**
     * Binds the port on the loopback interface without serving yet, so that a taken port fails the start at once
     * rather than after the servers and functions are up. Port 0 takes a free one.
     */
    static HttpServer bind(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    }

    /** Starts serving on the bound port. */
    void start() {
        server.createContext("/", this::handle);
        server.setExecutor(exchanges);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public GatewayRoutes routes() {
        return routes;
    }

    /** Stops taking requests, gives those under way a second, and closes the health check clients. */
    @Override
    public void close() {
        try {
            server.stop(1);
        } finally {
            exchanges.shutdownNow();
            invocations.shutdownNow();
            health.close();
        }
    }

    private void handle(HttpExchange exchange) {
        long begin = System.nanoTime();
        Instant receivedAt = Instant.now();
        String requestId = UUID.randomUUID().toString();
        String routeTag = "unmatched";
        int status = 500;
        try (exchange) {
            exchange.getResponseHeaders().set(REQUEST_ID_HEADER, requestId);
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            Reply reply;
            if (rawPath.equals("/health") || rawPath.equals("/metrics")) {
                routeTag = "GET " + rawPath;
                reply = !method.equals("GET") ? methodNotAllowed(method, rawPath, List.of("GET"))
                        : rawPath.equals("/health") ? health() : metrics();
            } else {
                reply = switch (routes.resolve(method, rawPath)) {
                    case GatewayRoutes.NoRoute none ->
                            problem(Problems.notFound("No route for " + method + " " + rawPath), rawPath);
                    case GatewayRoutes.MethodNotAllowed wrong -> methodNotAllowed(method, rawPath, wrong.allowed());
                    case GatewayRoutes.Matched matched -> {
                        routeTag = matched.route().routeKey();
                        yield invoke(matched, exchange, uri, requestId, receivedAt);
                    }
                };
            }
            status = reply.status();
            send(exchange, reply);
        } catch (IOException e) {
            // The client went away; there is no one to answer.
            log.debug("request {} ended early: {}", requestId, e.toString());
        } catch (RuntimeException e) {
            log.error("gateway failed on request {}", requestId, e);
            status = 502;
            try {
                send(exchange, badGateway(exchange.getRequestURI().getRawPath()));
            } catch (IOException | RuntimeException ignored) {
                // the response had already begun
            }
        } finally {
            Timer.builder("shop.gateway.requests")
                    .description("Requests through the local API gateway")
                    .tag("route", routeTag)
                    .tag("status", Integer.toString(status))
                    .register(registry)
                    .record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
        }
    }

    private Reply invoke(GatewayRoutes.Matched matched, HttpExchange exchange, URI uri, String requestId,
                         Instant receivedAt) throws IOException {
        String rawPath = uri.getRawPath();
        byte[] body = readBody(exchange);
        if (body == null) {
            Reply tooLarge = problem(Problems.payloadTooLarge(MAX_BODY_BYTES), rawPath);
            // The rest of the body stays unread; the connection cannot carry another request after it.
            Map<String, List<String>> headers = new LinkedHashMap<>(tooLarge.headers());
            headers.put("connection", List.of("close"));
            return new Reply(tooLarge.status(), headers, tooLarge.body());
        }
        ApiGatewayEvents.IncomingRequest request = new ApiGatewayEvents.IncomingRequest(
                exchange.getRequestMethod(), rawPath, uri.getRawQuery(), exchange.getRequestHeaders(), body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol(),
                exchange.getLocalAddress().getPort());
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(matched, request, requestId, receivedAt);
        GatewayRoutes.Route route = matched.route();
        FunctionModule module = modules.get(route.module());
        if (!module.context().isActive()) {
            // Stopped (a crash drill or a restart): say so, as API Gateway does when a function is throttled.
            return problem(new Problem("/problems/unavailable", "Service unavailable", 503,
                    "The function " + route.function() + " is not running; retry shortly.", null, List.of()), rawPath);
        }

        Future<APIGatewayV2HTTPResponse> invocation = invocations.submit(() -> module.handler().apply(event));
        APIGatewayV2HTTPResponse response;
        try {
            response = invocation.get(route.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            invocation.cancel(true);
            log.warn("{} did not answer within its {} s timeout (request id {})", route.function(),
                    route.timeoutSeconds(), requestId);
            return problem(new Problem("/problems/gateway-timeout", "Gateway timeout", 504,
                    "The function did not answer in time; it may or may not have applied the request.", null,
                    List.of()), rawPath);
        } catch (ExecutionException e) {
            log.error("{} failed (request id {})", route.function(), requestId, e.getCause());
            return badGateway(rawPath);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return badGateway(rawPath);
        }
        return fromResponse(response, route, requestId, rawPath);
    }

    /** The body, or null when it is larger than {@link #MAX_BODY_BYTES}; never reads past the limit. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("content-length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > MAX_BODY_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                // the server framed the request already; read what is there
            }
        }
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private Reply fromResponse(APIGatewayV2HTTPResponse response, GatewayRoutes.Route route, String requestId,
                               String rawPath) {
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            log.error("{} returned no valid response (request id {}): {}", route.function(), requestId, response);
            return badGateway(rawPath);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null) {
                    headers.put(name.toLowerCase(Locale.ROOT), List.of(value));
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null) {
                    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(values);
                }
            });
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            headers.put("set-cookie", List.copyOf(response.getCookies()));
        }
        headers.keySet().removeAll(RESERVED_RESPONSE_HEADERS);
        byte[] body;
        if (response.getBody() == null) {
            body = new byte[0];
        } else if (response.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(response.getBody());
            } catch (IllegalArgumentException e) {
                log.error("{} returned a body that is not valid base64 (request id {})", route.function(), requestId);
                return badGateway(rawPath);
            }
        } else {
            body = response.getBody().getBytes(StandardCharsets.UTF_8);
        }
        if (body.length > 0 && !headers.containsKey("content-type")) {
            // What API Gateway assumes for a payload 2.0 response without one.
            headers.put("content-type", List.of("application/json"));
        }
        return new Reply(response.getStatusCode(), headers, body);
    }

    private Reply health() {
        Map<String, String> functions = new LinkedHashMap<>();
        modules.values().stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(module -> functions.put(module.name(),
                        module.context().isActive() && module.context().isRunning() ? ServerHealth.UP
                                : ServerHealth.DOWN));
        Map<String, String> servers = health.check();
        boolean up = !functions.containsValue(ServerHealth.DOWN) && !servers.containsValue(ServerHealth.DOWN);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? ServerHealth.UP : ServerHealth.DOWN);
        body.put("functions", functions);
        body.put("servers", servers);
        Reply reply = Reply.json(up ? 200 : 503, json(body));
        Map<String, List<String>> headers = new LinkedHashMap<>(reply.headers());
        headers.put("cache-control", List.of("no-store"));
        return new Reply(reply.status(), headers, reply.body());
    }

    private Reply metrics() {
        return new Reply(200, Map.of("content-type", List.of(METRICS_CONTENT_TYPE), "cache-control",
                List.of("no-store")), registry.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private Reply methodNotAllowed(String method, String rawPath, List<String> allowed) {
        Reply reply = problem(Problems.methodNotAllowed(method + " is not allowed on " + rawPath + "; use "
                + String.join(", ", allowed)), rawPath);
        Map<String, List<String>> headers = new LinkedHashMap<>(reply.headers());
        headers.put("allow", List.of(String.join(", ", allowed)));
        return new Reply(reply.status(), headers, reply.body());
    }

    private Reply badGateway(String rawPath) {
        return problem(new Problem("/problems/bad-gateway", "Bad gateway", 502,
                "The function failed to answer; the request may or may not have been applied.", null, List.of()),
                rawPath);
    }

    private Reply problem(Problem problem, String rawPath) {
        Problem withInstance = problem.withInstance(rawPath);
        return new Reply(problem.status(), Map.of("content-type", List.of(Problem.MEDIA_TYPE)),
                json(withInstance).getBytes(StandardCharsets.UTF_8));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        boolean noBody = reply.body().length == 0 || reply.status() == 204 || reply.status() == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        // -1 means "no body"; 0 would mean "chunked".
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            OutputStream body = exchange.getResponseBody();
            body.write(reply.body());
            // Out now: closing the exchange first drains what is left of the request, which for a refused
            // oversized body may never come.
            body.flush();
        }
    }
}
