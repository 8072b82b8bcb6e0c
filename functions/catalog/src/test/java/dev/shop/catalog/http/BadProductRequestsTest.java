package dev.shop.catalog.http;

import static dev.shop.local.servers.RealServersInitializer.ADMIN_TOKEN;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.catalog.CatalogOnRealServers;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.HttpRequestBuilder;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.shop.catalog.ProductDrafts.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

/** Every way a product body can be wrong gets a 4xx problem that says what, and nothing is written. */
@CatalogOnRealServers
class BadProductRequestsTest {

    @Autowired
    HttpApi catalogHttpApi;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    Jdbi jdbi;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "malformed.json,          400, /problems/malformed-json, ",
            "trailing-garbage.json,   400, /problems/malformed-json, ",
            "array-body.json,         400, /problems/malformed-json, ",
            "null-body.json,          400, /problems/malformed-json, ",
            "price-not-a-number.json, 400, /problems/validation,     priceCents",
            "fractional-price.json,   400, /problems/validation,     priceCents",
            "missing-name.json,       400, /problems/validation,     name",
            "unknown-field.json,      400, /problems/validation,     colour",
            "negative-price.json,     400, /problems/validation,     priceCents",
            "sku-mismatch.json,       400, /problems/validation,     sku",
            "bad-currency.json,       400, /problems/validation,     currency",
            "tags-not-an-array.json,  400, /problems/validation,     tags",
    })
    void rejectsBadBodyAndWritesNothing(String fixture, int status, String type, String field) throws IOException {
        String sku = uniqueSku();

        HttpResponse response = catalogHttpApi.handle(HttpRequestBuilder.put("/products/" + sku).asAdmin(ADMIN_TOKEN)
                .body(fixture(fixture)).build());

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("dev.shop");
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        }
        assertNothingWritten(sku);
    }

    @Test
    void rejectsHugeBodyWith413() {
        String sku = uniqueSku();
        String huge = "{\"name\": \"" + "x".repeat(HttpApi.MAX_BODY_BYTES) + "\"}";

        HttpResponse response = catalogHttpApi.handle(HttpRequestBuilder.put("/products/" + sku).asAdmin(ADMIN_TOKEN).body(huge)
                .build());

        assertThat(response.status()).isEqualTo(413);
        assertNothingWritten(sku);
    }

    @Test
    void rejectsNonJsonContentTypeWith415() {
        String sku = uniqueSku();

        HttpResponse response = catalogHttpApi.handle(HttpRequestBuilder.put("/products/" + sku).asAdmin(ADMIN_TOKEN)
                .header("content-type", "text/plain").body("name=Mug").build());

        assertThat(response.status()).isEqualTo(415);
        assertNothingWritten(sku);
    }

    private void assertNothingWritten(String sku) {
        long rows = jdbi.withHandle(h -> h.createQuery("""
                        select (select count(*) from products where sku = :sku)
                             + (select count(*) from outbox where message_key = :sku)""")
                .bind("sku", sku).mapTo(Long.class).one());
        assertThat(rows).isZero();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = BadProductRequestsTest.class.getResourceAsStream("/requests/bad-product/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
