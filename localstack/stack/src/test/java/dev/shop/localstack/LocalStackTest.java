package dev.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.local.servers.SharedServers;
import dev.shop.runtime.manifest.FunctionManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole stack in this JVM on the shared real servers, driven over real HTTP through its gateway. */
class LocalStackTest {

    private static final String TOKEN = "local-stack-test-token";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static LocalStack.Running stack;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        String database = "localstack_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        stack = LocalStack.start(SharedServers.get(), new LocalStack.Options(0, TOKEN, true, database),
                Progress.to(System.err));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void servesDemoProductMissThenHit() throws Exception {
        DemoProduct product = DemoCatalog.products().get(5);

        HttpResponse<String> first = send(get("/products/" + product.sku()));
        HttpResponse<String> second = send(get("/products/" + product.sku()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("x-cache")).hasValue("MISS");
        assertThat(first.headers().firstValue("x-request-id")).isPresent();
        assertThat(json(first).path("name").asText()).isEqualTo(product.name());
        assertThat(json(first).path("priceCents").asLong()).isEqualTo(product.priceCents());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("x-cache")).hasValue("HIT");
        assertThat(second.headers().firstValue("x-request-id")).isNotEqualTo(first.headers().firstValue("x-request-id"));
    }

    @Test
    void listsTheDemoCatalogByCategory() throws Exception {
        HttpResponse<String> response = send(get("/products?category=footwear&limit=5"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("items")).hasSize(5)
                .allSatisfy(item -> assertThat(item.path("category").asText()).isEqualTo("footwear"));
    }

    @Test
    void addsToCartThroughGateway() throws Exception {
        DemoProduct product = DemoCatalog.products().get(1);
        String cartId = "cart-" + UUID.randomUUID();
        String body = "{\"sku\":\"" + product.sku() + "\",\"quantity\":2}";

        // The cart prices from its replica of the catalog, filled from Kafka events: it may lag the seeding.
        HttpResponse<String> added = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> send(post("/carts/" + cartId + "/items", body)), response -> response.statusCode() != 404);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        JsonNode cart = json(added);
        assertThat(cart.path("cartId").asText()).isEqualTo(cartId);
        JsonNode line = cart.path("items").get(0);
        assertThat(line.path("sku").asText()).isEqualTo(product.sku());
        assertThat(line.path("name").asText()).isEqualTo(product.name());
        assertThat(line.path("quantity").asInt()).isEqualTo(2);
        assertThat(line.path("unitPriceCents").asLong()).isEqualTo(product.priceCents());
        assertThat(line.path("currency").asText()).isEqualTo("USD");
        assertThat(cart.path("totalCents").asLong()).isEqualTo(2 * product.priceCents());
    }

    @Test
    void unknownRouteIs404Problem() throws Exception {
        HttpResponse<String> response = send(get("/no/such/route"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("instance").asText()).isEqualTo("/no/such/route");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> response = send(post("/products/KIT-MUG-RED", "{}"));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("DELETE, GET, PUT");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(json(response).path("type").asText()).isEqualTo("/problems/method-not-allowed");
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        // Over the gateway's 1 MiB: the gateway refuses it.
        HttpResponse<String> tooLarge = send(admin("/products/BIG-BODY")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[ApiGateway.MAX_BODY_BYTES + 1])).build());
        // Over the function's 64 KiB but under the gateway's limit: the function refuses it.
        HttpResponse<String> overFunctionLimit = send(admin("/products/BIG-BODY")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(100_000) + "\"}")).build());

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(json(tooLarge).path("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(overFunctionLimit.statusCode()).isEqualTo(413);
        assertThat(json(overFunctionLimit).path("detail").asText()).contains("65536");
        assertThat(send(get("/products/BIG-BODY")).statusCode()).isEqualTo(404);
    }

    @Test
    void oversizedBodyIsRefusedWithoutReadingIt() throws Exception {
        // Declares 10 MB but sends a few bytes: the answer comes from the declaration alone.
        try (Socket socket = new Socket(stack.uri().getHost(), stack.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /products/BIG-BODY HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000000\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void malformedJsonIs400Problem() throws Exception {
        HttpResponse<String> response = send(post("/carts/cart-malformed/items", "{\"sku\": \"KIT-MUG-RED\", "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(json(response).path("type").asText()).isEqualTo("/problems/malformed-json");
    }

    @Test
    void healthReportsEveryModuleAndServer() throws Exception {
        HttpResponse<String> response = send(get("/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("functions").path("catalog").asText()).isEqualTo("UP");
        assertThat(health.path("functions").path("cart").asText()).isEqualTo("UP");
        for (String server : List.of("postgres", "redis", "kafka")) {
            assertThat(health.path("servers").path(server).asText()).as(server).isEqualTo("UP");
        }
    }

    @Test
    void metricsExposeInvocationsAndCacheCounters() throws Exception {
        String sku = DemoCatalog.products().get(7).sku();
        send(get("/products/" + sku));
        send(get("/products/" + sku));

        HttpResponse<String> response = send(get("/metrics"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("shop_function_invocations_seconds_count{")
                .contains("function=\"getProduct\"", "outcome=\"SUCCESS\""));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("shop_function_invocations_seconds_count{")
                .contains("function=\"upsertProduct\""));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("shop_function_invocations_seconds_bucket{").contains("function=\"getProduct\""));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("shop_cache_requests_total{").contains("result=\"hit\""));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("shop_cache_requests_total{").contains("result=\"miss\""));
    }

    @Test
    void adminRouteNeedsToken() throws Exception {
        String body = "{\"name\":\"Token Test\",\"category\":\"misc\",\"priceCents\":100}";
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/products/TOKEN-TEST"))
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        HttpResponse<String> wrongToken = send(HttpRequest.newBuilder(uri("/products/TOKEN-TEST"))
                .header("content-type", "application/json").header("authorization", "Bearer not-the-token")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        HttpResponse<String> admin = send(admin("/products/TOKEN-TEST")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).path("type").asText()).isEqualTo("/problems/unauthorized");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(admin.statusCode()).isEqualTo(201);
    }

    @Test
    void takenPortFailsAtOnceWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalStack.start(SharedServers.get(),
                    new LocalStack.Options(port, TOKEN, false, "unused"), Progress.to(System.err)))
                    .isInstanceOf(LocalStack.StartupException.class)
                    .hasMessage("port " + port + " is already in use; choose another with --port or SHOP_PORT");
        }
    }

    @Test
    void everyRouteRefusesANulInItsPathAsBadRequest() throws Exception {
        for (FunctionManifest.FunctionSpec function : FunctionManifest.load().functions()) {
            for (FunctionManifest.HttpRoute route : function.http()) {
                if (!route.path().contains("{")) {
                    continue;
                }
                String path = route.path().replaceAll("\\{[^}]+}", "x%00y");
                HttpResponse<String> response = send(admin(path)
                        .method(route.method(), HttpRequest.BodyPublishers.ofString("{}")).build());

                assertThat(response.statusCode()).as(route.routeKey() + ": " + response.body()).isEqualTo(400);
                assertThat(json(response).path("type").asText()).isEqualTo("/problems/validation");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/orders?customerId=%00", "/products?q=mug%00", "/products?category=%00"})
    void refusesANulInAQueryAsBadRequest(String path) throws Exception {
        HttpResponse<String> response = send(get(path));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("detail").asText()).contains("NUL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/carts/c-nul/items | {\"sku\": \"KIT-MUG-RED\\u0000\", \"quantity\": 1}",
            "/checkouts | {\"cartId\": \"c-nul\", \"customerId\": \"a\\u0000b\", \"paymentToken\": \"tok_visa\"}",
            "/assistant/intents | {\"sessionId\": \"s-nul\", \"text\": \"buy a mug\\u0000\"}"})
    void refusesANulInAJsonStringAsBadRequest(String path, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("detail").asText()).contains("NUL");
    }

    private static URI uri(String path) {
        return stack.uri().resolve(path);
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").header("authorization", "Bearer " + TOKEN);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT)).contains("json");
        return MAPPER.readTree(response.body());
    }
}
