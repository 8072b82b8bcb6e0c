package dev.shop.catalog.http;

import static dev.shop.local.servers.RealServersInitializer.ADMIN_TOKEN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.catalog.CatalogOnRealServers;
import dev.shop.catalog.domain.ProductCache;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.http.HttpRequestBuilder;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.shop.catalog.ProductDrafts.aProduct;
import static dev.shop.catalog.ProductDrafts.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@CatalogOnRealServers
class CatalogHttpTest {

    @Autowired
    HttpApi catalogHttpApi;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    RedisClient redisClient;
    @Autowired
    Jdbi jdbi;
    @Autowired
    MeteringWriter meteringWriter;

    StatefulRedisConnection<String, String> redis;

    @BeforeEach
    void connect() {
        redis = redisClient.connect();
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Test
    void servesProductFromDatabaseThenFromCache() throws Exception {
        String sku = created(aProduct().name("Blue Pen").color("blue"));

        HttpResponse first = call(HttpRequestBuilder.get("/products/" + sku));
        HttpResponse second = call(HttpRequestBuilder.get("/products/" + sku));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers()).containsEntry("x-cache", "MISS");
        assertThat(second.headers()).containsEntry("x-cache", "HIT");
        JsonNode product = mapper.readTree(second.body());
        assertThat(product.get("sku").asText()).isEqualTo(sku);
        assertThat(product.get("name").asText()).isEqualTo("Blue Pen");
        assertThat(product.get("version").asLong()).isEqualTo(1);
        assertThat(redis.sync().get(ProductCache.key(sku))).contains("Blue Pen");
    }

    @Test
    void cachesWithTtlPlusJitter() {
        String sku = created(aProduct());
        call(HttpRequestBuilder.get("/products/" + sku));

        long ttlMillis = redis.sync().pttl(ProductCache.key(sku));
        // 10 minutes configured, plus up to 20% jitter
        assertThat(ttlMillis).isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(12).toMillis());
    }

    @Test
    void answers404ProblemForUnknownSku() throws Exception {
        HttpResponse response = call(HttpRequestBuilder.get("/products/NOPE-"
                + UUID.randomUUID().toString().substring(0, 8)));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.get("detail").asText()).startsWith("No product with SKU NOPE-");
    }

    @Test
    void rejectsMalformedSku() throws Exception {
        HttpResponse response = call(HttpRequestBuilder.get("/products/bad%20sku!"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(mapper.readTree(response.body()).get("errors").get(0).get("field").asText()).isEqualTo("sku");
    }

    @Test
    void newVersionIsServedWithinOneSecondOfPut() {
        String sku = created(aProduct().priceCents(1000));
        call(HttpRequestBuilder.get("/products/" + sku));
        assertThat(call(HttpRequestBuilder.get("/products/" + sku)).headers()).containsEntry("x-cache", "HIT");

        HttpResponse put = call(HttpRequestBuilder.put("/products/" + sku).asAdmin(ADMIN_TOKEN)
                .json(aProduct().priceCents(1500).build()));
        assertThat(put.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            JsonNode product = mapper.readTree(call(HttpRequestBuilder.get("/products/" + sku)).body());
            assertThat(product.get("version").asLong()).isEqualTo(2);
            assertThat(product.get("priceCents").asLong()).isEqualTo(1500);
        });
    }

    @Test
    void identicalPutChangesNothingAndPublishesNothing() throws Exception {
        String sku = created(aProduct());
        long outboxBefore = outboxRows(sku);

        HttpResponse again = call(HttpRequestBuilder.put("/products/" + sku).asAdmin(ADMIN_TOKEN).json(aProduct().build()));

        assertThat(again.status()).isEqualTo(200);
        assertThat(mapper.readTree(again.body()).get("version").asLong()).isEqualTo(1);
        assertThat(outboxRows(sku)).isEqualTo(outboxBefore);
    }

    @Test
    void deleteRemovesProductAndItsCacheEntry() {
        String sku = created(aProduct());
        call(HttpRequestBuilder.get("/products/" + sku));
        assertThat(redis.sync().exists(ProductCache.key(sku))).isEqualTo(1);

        HttpResponse deleted = call(HttpRequestBuilder.delete("/products/" + sku).asAdmin(ADMIN_TOKEN));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(redis.sync().exists(ProductCache.key(sku))).isZero();
        assertThat(call(HttpRequestBuilder.get("/products/" + sku)).status()).isEqualTo(404);
        assertThat(call(HttpRequestBuilder.delete("/products/" + sku).asAdmin(ADMIN_TOKEN)).status()).isEqualTo(404);
    }

    @Test
    void recreatedProductContinuesItsVersionSequence() throws Exception {
        String sku = created(aProduct());
        call(HttpRequestBuilder.delete("/products/" + sku).asAdmin(ADMIN_TOKEN));

        HttpResponse recreated = call(HttpRequestBuilder.put("/products/" + sku).asAdmin(ADMIN_TOKEN).json(aProduct().build()));

        assertThat(mapper.readTree(recreated.body()).get("version").asLong()).isEqualTo(3);
    }

    @Test
    void adminRoutesRefuseMissingOrWrongTokenAndWriteNothing() {
        String sku = uniqueSku();

        HttpResponse missing = call(HttpRequestBuilder.put("/products/" + sku).json(aProduct().build()));
        HttpResponse wrong = call(HttpRequestBuilder.put("/products/" + sku).header("authorization", "Bearer nope")
                .json(aProduct().build()));

        assertThat(missing.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(productRows(sku)).isZero();
    }

    @Test
    void answersUnknownRoutesAndMethodsWithProblems() {
        HttpResponse unknown = call(HttpRequestBuilder.get("/nowhere"));
        HttpResponse wrongMethod = call(HttpRequestBuilder.post("/products/ABC").body("{}"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().get("allow")).contains("GET", "PUT", "DELETE");
    }

    @Test
    void pagesThroughProductsWithCursor() throws Exception {
        String category = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            skus.add(created(aProduct().category(category)));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpRequestBuilder request = HttpRequestBuilder.get("/products").query("category", category)
                    .query("limit", "2");
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            JsonNode page = mapper.readTree(call(request).body());
            page.get("items").forEach(item -> seen.add(item.get("sku").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(skus.stream().sorted().toList());
    }

    @Test
    void searchesByText() throws Exception {
        String category = "search-" + UUID.randomUUID().toString().substring(0, 8);
        String lamp = created(aProduct().category(category).name("Desk Lamp").tags("light"));
        created(aProduct().category(category).name("Stapler").tags("office"));

        JsonNode page = mapper.readTree(call(HttpRequestBuilder.get("/products").query("category", category)
                .query("q", "lamp")).body());

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("sku").asText()).isEqualTo(lamp);
    }

    @Test
    void rejectsBadPagingParameters() {
        assertThat(call(HttpRequestBuilder.get("/products").query("limit", "0")).status()).isEqualTo(400);
        assertThat(call(HttpRequestBuilder.get("/products").query("limit", "abc")).status()).isEqualTo(400);
        assertThat(call(HttpRequestBuilder.get("/products").query("limit", "101")).status()).isEqualTo(400);
        assertThat(call(HttpRequestBuilder.get("/products").query("cursor", "!!!")).status()).isEqualTo(400);
    }

    @Test
    void recordsOneMeteringRowPerInvocation() {
        String correlationId = "metering-" + UUID.randomUUID();
        String sku = uniqueSku();
        call(HttpRequestBuilder.put("/products/" + sku).asAdmin(ADMIN_TOKEN).correlationId(correlationId)
                .json(aProduct().build()));
        call(HttpRequestBuilder.get("/products/" + sku).correlationId(correlationId));
        call(HttpRequestBuilder.get("/products/" + sku).correlationId(correlationId));

        meteringWriter.flush();

        List<Map<String, Object>> rows = meteringRows(correlationId, "HTTP");
        assertThat(rows).extracting(r -> r.get("function_name"))
                .containsExactly("upsertProduct", "getProduct", "getProduct");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("memory_mb")).isEqualTo(512);
            assertThat(r.get("outcome")).isEqualTo("SUCCESS");
            assertThat((Long) r.get("duration_micros")).isPositive();
        });
        // The correlation id travels in the product event to the consumer's own metered invocation.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            meteringWriter.flush();
            assertThat(meteringRows(correlationId, "KAFKA")).extracting(r -> r.get("function_name"))
                    .containsExactly("invalidateProductCache");
        });
    }

    @Test
    void meteringRecordsRejectedRequestsToo() {
        String correlationId = "metering-" + UUID.randomUUID();
        call(HttpRequestBuilder.get("/products/unknown-" + UUID.randomUUID().toString().substring(0, 8))
                .correlationId(correlationId));

        meteringWriter.flush();

        assertThat(meteringRows(correlationId, "HTTP")).extracting(r -> r.get("outcome")).containsExactly("REJECTED");
    }

    private List<Map<String, Object>> meteringRows(String correlationId, String trigger) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select function_name, memory_mb, outcome, trigger, duration_micros
                          from metering.invocations where correlation_id = :id and trigger = :trigger order by id""")
                .bind("id", correlationId).bind("trigger", trigger).mapToMap().list());
    }

    private String created(dev.shop.catalog.ProductDrafts draft) {
        String sku = uniqueSku();
        HttpResponse response = call(HttpRequestBuilder.put("/products/" + sku).asAdmin(ADMIN_TOKEN).json(draft.build()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("location", "/products/" + sku);
        return sku;
    }

    private HttpResponse call(HttpRequestBuilder request) {
        return catalogHttpApi.handle(request.build());
    }

    private long productRows(String sku) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from products where sku = :sku")
                .bind("sku", sku).mapTo(Long.class).one());
    }

    private long outboxRows(String sku) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from outbox where message_key = :sku")
                .bind("sku", sku).mapTo(Long.class).one());
    }
}
