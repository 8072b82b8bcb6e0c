package dev.shop.runtime.http;

import static dev.shop.local.servers.RealServersInitializer.ADMIN_TOKEN;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.shop.local.servers.RealServersInitializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpRequestBuilderTest {

    @Test
    void sendsJsonBodiesAsJson() {
        HttpRequest request = HttpRequestBuilder.delete("/carts/c1").jsonFields("sku", "MUG", "quantity", 2).build();

        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.header("content-type")).contains("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"sku\":\"MUG\",\"quantity\":2}");
    }

    @Test
    void keepsTheContentTypeATestChose() {
        HttpRequest request = HttpRequestBuilder.put("/products/MUG").header("content-type", "text/plain")
                .body("name=Mug").build();

        assertThat(request.header("content-type")).contains("text/plain");
        assertThat(request.body()).isEqualTo("name=Mug".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void carriesQueryHeadersAndIds() {
        HttpRequest request = HttpRequestBuilder.get("/orders").queryString("customerId=c1&limit=2&cursor=")
                .asAdmin(ADMIN_TOKEN).correlationId("corr-1").idempotencyKey("key-1").requestId("req-1").build();

        assertThat(request.queryParameters()).isEqualTo(Map.of("customerId", "c1", "limit", "2", "cursor", ""));
        assertThat(request.header("authorization")).contains("Bearer " + RealServersInitializer.ADMIN_TOKEN);
        assertThat(request.correlationId()).isEqualTo("corr-1");
        assertThat(request.header("idempotency-key")).contains("key-1");
        assertThat(request.requestId()).isEqualTo("req-1");
        assertThat(request.header("content-type")).isEmpty();
    }
}
