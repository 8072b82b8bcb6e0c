package dev.shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.shop.runtime.manifest.FunctionManifest;
import org.junit.jupiter.api.Test;

/** The event the gateway builds has the shape API Gateway's HTTP API gives a function (payload 2.0). */
class ApiGatewayEventsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-22T00:21:07.412Z");
    private final GatewayRoutes routes = GatewayRoutes.of(FunctionManifest.load());

    @Test
    void buildsPayload20EventForGetProduct() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("Host", List.of("localhost:8080"));
        headers.put("User-agent", List.of("curl/8.5.0"));
        headers.put("X-multi", List.of("a", "b"));
        headers.put("Cookie", List.of("session=abc; theme=dark"));
        var request = new ApiGatewayEvents.IncomingRequest("GET", "/products/ABC", "x=1&tag=a&tag=b%20c", headers,
                new byte[0], "127.0.0.1", "HTTP/1.1", 8080);

        APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(matched("GET", "/products/ABC"), request, "req-1", RECEIVED);

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /products/{sku}");
        assertThat(event.getRawPath()).isEqualTo("/products/ABC");
        assertThat(event.getRawQueryString()).isEqualTo("x=1&tag=a&tag=b%20c");
        assertThat(event.getQueryStringParameters()).containsExactlyInAnyOrderEntriesOf(Map.of("x", "1", "tag", "a,b c"));
        assertThat(event.getPathParameters()).containsExactly(Map.entry("sku", "ABC"));
        assertThat(event.getHeaders())
                .containsEntry("accept", "application/json")
                .containsEntry("host", "localhost:8080")
                .containsEntry("user-agent", "curl/8.5.0")
                .containsEntry("x-multi", "a,b")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-port", "8080")
                .doesNotContainKey("cookie");
        assertThat(event.getHeaders().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(event.getCookies()).containsExactly("session=abc", "theme=dark");
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getRouteKey()).isEqualTo("GET /products/{sku}");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getTimeEpoch()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(context.getTime()).isEqualTo("22/Nov/2026:00:21:07 +0000");
        assertThat(context.getDomainName()).isEqualTo("localhost");
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getHttp().getPath()).isEqualTo("/products/ABC");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8.5.0");
    }

    @Test
    void textBodyIsPassedAsTextAndBinaryAsBase64() {
        byte[] json = "{\"sku\":\"KIT-MUG-RED\",\"quantity\":2,\"note\":\"café\"}".getBytes(StandardCharsets.UTF_8);
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x41};

        APIGatewayV2HTTPEvent text = ApiGatewayEvents.toEvent(matched("POST", "/carts/c1/items"),
                request("POST", "/carts/c1/items", json), "r", RECEIVED);
        APIGatewayV2HTTPEvent base64 = ApiGatewayEvents.toEvent(matched("POST", "/carts/c1/items"),
                request("POST", "/carts/c1/items", binary), "r", RECEIVED);

        assertThat(text.getBody()).isEqualTo(new String(json, StandardCharsets.UTF_8));
        assertThat(text.getIsBase64Encoded()).isFalse();
        assertThat(text.getQueryStringParameters()).isNull();
        assertThat(text.getRawQueryString()).isEmpty();
        assertThat(text.getPathParameters()).containsExactly(Map.entry("cartId", "c1"));
        assertThat(base64.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(base64.getBody())).isEqualTo(binary);
    }

    @Test
    void routesResolveLikeApiGateway() {
        assertThat(routes.resolve("GET", "/products")).isInstanceOf(GatewayRoutes.Matched.class);
        assertThat(routes.resolve("GET", "/nothing/here")).isInstanceOf(GatewayRoutes.NoRoute.class);
        assertThat(routes.resolve("POST", "/products/ABC"))
                .isEqualTo(new GatewayRoutes.MethodNotAllowed(List.of("DELETE", "GET", "PUT")));
        GatewayRoutes.Matched item = matched("PUT", "/carts/c1/items/KIT-MUG-RED");
        assertThat(item.route().function()).isEqualTo("setCartItemQuantity");
        assertThat(item.route().module()).isEqualTo("cart");
        assertThat(item.pathParameters()).containsExactly(Map.entry("cartId", "c1"), Map.entry("sku", "KIT-MUG-RED"));
    }

    private GatewayRoutes.Matched matched(String method, String path) {
        return (GatewayRoutes.Matched) routes.resolve(method, path);
    }

    private static ApiGatewayEvents.IncomingRequest request(String method, String path, byte[] body) {
        return new ApiGatewayEvents.IncomingRequest(method, path, null,
                Map.of("Content-Type", List.of("application/json")), body, "127.0.0.1", "HTTP/1.1", 8080);
    }
}
