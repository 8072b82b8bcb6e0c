package dev.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.servers.ServerEndpoints;
import dev.shop.runtime.manifest.FunctionManifest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The gateway's own behaviour around a function, with plain functions standing in for the modules: what it
 * sends them, how it writes their answers, and how it answers when they fail. No servers are running here, so
 * the health check must report them down.
 */
class ApiGatewayTest {

    private final AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private GenericApplicationContext catalogContext;
    private GenericApplicationContext cartContext;
    private ApiGateway gateway;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        catalogContext = context();
        cartContext = context();
        Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> catalog = event -> {
            throw new IllegalStateException("secret internal detail");
        };
        Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> cart = event -> {
            received.set(event);
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "application/octet-stream", "x-one", "1",
                            "content-length", "999"))
                    .withMultiValueHeaders(Map.of("x-many", List.of("a", "b")))
                    .withCookies(List.of("session=s1; Path=/"))
                    .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                    .withIsBase64Encoded(true)
                    .build();
        };
        // Nothing listens on port 1: every server is down.
        ServerEndpoints nowhere = new ServerEndpoints("jdbc:postgresql://127.0.0.1:1/none", "u", "p",
                "redis://127.0.0.1:1", "127.0.0.1:1");
        gateway = new ApiGateway(ApiGateway.bind(0),
                GatewayRoutes.of(FunctionManifest.load()).onlyModules(java.util.Set.of("catalog", "cart")),
                Map.of("catalog", new ApiGateway.FunctionModule("catalog", catalogContext, catalog),
                        "cart", new ApiGateway.FunctionModule("cart", cartContext, cart)),
                new ServerHealth(nowhere, nowhere.jdbcUrl()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        gateway.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        http.close();
        gateway.close();
        catalogContext.close();
        cartContext.close();
    }

    @Test
    void failingFunctionIs502WithoutInternalMessage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/products/KIT-MUG-RED")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/bad-gateway");
        assertThat(problem.path("status").asInt()).isEqualTo(502);
        assertThat(response.body()).doesNotContain("secret", "IllegalStateException");
    }

    @Test
    void functionGetsTheEventAndItsResponseIsWrittenAsApiGatewayWould() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/carts/c-1/items?src=test"))
                        .header("content-type", "application/json")
                        .header("x-correlation-id", "corr-1")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"KIT-MUG-RED\",\"quantity\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        APIGatewayV2HTTPEvent event = received.get();
        assertThat(event.getRouteKey()).isEqualTo("POST /carts/{cartId}/items");
        assertThat(event.getPathParameters()).containsEntry("cartId", "c-1");
        assertThat(event.getQueryStringParameters()).containsEntry("src", "test");
        assertThat(event.getHeaders()).containsEntry("x-correlation-id", "corr-1")
                .containsEntry("content-type", "application/json");
        assertThat(event.getBody()).isEqualTo("{\"sku\":\"KIT-MUG-RED\",\"quantity\":1}");
        assertThat(event.getRequestContext().getRequestId())
                .isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).containsExactly(1, 2, 3);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/octet-stream");
        assertThat(response.headers().firstValue("content-length")).hasValue("3");
        assertThat(response.headers().firstValue("x-one")).hasValue("1");
        assertThat(response.headers().allValues("x-many")).containsExactly("a", "b");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=s1; Path=/");
    }

    @Test
    void healthIs503WhenServersAreDown() throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/health")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = mapper.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("functions").path("catalog").asText()).isEqualTo("UP");
        assertThat(health.path("servers").path("postgres").asText()).isEqualTo("DOWN");
        assertThat(health.path("servers").path("redis").asText()).isEqualTo("DOWN");
        assertThat(health.path("servers").path("kafka").asText()).isEqualTo("DOWN");
        // The checks run side by side, each bounded: a dead server does not hang /health.
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void metricsAndHealthTakeOnlyGet() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private static GenericApplicationContext context() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        return context;
    }
}
