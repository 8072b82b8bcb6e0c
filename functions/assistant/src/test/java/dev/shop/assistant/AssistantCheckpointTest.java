package dev.shop.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.ProductIndex;
import dev.shop.assistant.shop.ShopApi;
import dev.shop.local.servers.RealServersInitializer;
import dev.shop.runtime.crac.CracResources;
import dev.shop.runtime.redis.RedisConnection;
import org.crac.Core;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The assistant through a SnapStart checkpoint and restore, the CRaC hooks called as the runtime calls them: the
 * snapshot holds no open Redis connection and no HTTP client to the shop; after the restore the shop is called on a
 * new connection from a new client, Redis on a new connection, and the product index is read again from the catalog
 * (what changed while the snapshot slept is there; what was deleted is gone). The shop's catalog here is a plain
 * HTTP server answering recorded pages of {@code GET /products}, so the test sees each TCP connection it is called on.
 */
@SpringBootTest(classes = AssistantApplication.class, properties = "shop.assistant.warm-from-catalog=true")
@ContextConfiguration(initializers = RealServersInitializer.class)
class AssistantCheckpointTest {

    private static final AtomicReference<String> catalogPage = new AtomicReference<>(page("CKP-OLD", "Tallow Candle"));
    private static final List<Integer> callerPorts = new CopyOnWriteArrayList<>();
    private static final HttpServer catalog = catalog();

    @Autowired
    CracResources crac;
    @Autowired
    ShopApi shop;
    @Autowired
    ProductIndex index;
    @Autowired
    RedisConnection redis;

    @DynamicPropertySource
    static void shopApi(DynamicPropertyRegistry registry) {
        registry.add("shop.assistant.api-base-url", () -> "http://127.0.0.1:" + catalog.getAddress().getPort());
    }

    @AfterAll
    static void stopCatalog() {
        catalog.stop(0);
    }

    @Test
    void restoredAssistantCallsTheShopOnFreshConnectionsAndReadsTheCatalogAgain() throws Exception {
        assertThat(crac.names()).contains("shop-api", "product-index", "redis");
        assertThat(shop.get("/products?limit=100").ok()).isTrue();
        index.upsert(new CatalogProduct("CKP-OLD", "Tallow Candle", "Wickworks", "home", "white", null, 900, null,
                List.of()), 1);
        HttpClient before = shop.client();
        int portBefore = callerPorts.getLast();
        long redisBefore = redis.sync().clientId();

        catalogPage.set(page("CKP-NEW", "Beeswax Candle"));
        crac.beforeCheckpoint(Core.getGlobalContext());

        assertThat(before.isTerminated()).as("the shop's HTTP client in the snapshot").isTrue();
        assertThat(redis.connected()).as("Redis connection in the snapshot").isFalse();

        crac.afterRestore(Core.getGlobalContext());

        assertThat(shop.client()).isNotSameAs(before);
        assertThat(callerPorts.getLast()).as("the catalog read after the restore came on a new connection")
                .isNotEqualTo(portBefore);
        assertThat(index.get("CKP-NEW")).as("a product added while the snapshot slept").isPresent();
        assertThat(index.get("CKP-OLD")).as("a product deleted while the snapshot slept").isEmpty();
        assertThat(redis.sync().clientId()).isNotEqualTo(redisBefore);
        assertThat(shop.get("/products?limit=100").ok()).isTrue();
    }

    private static String page(String sku, String name) {
        return """
                {"items": [{"sku": "%s", "name": "%s", "brand": "Wickworks", "category": "home", "color": "white",
                            "priceCents": 900, "tags": [], "version": 2}], "nextCursor": null}""".formatted(sku, name);
    }

    private static HttpServer catalog() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/products", exchange -> {
                callerPorts.add(exchange.getRemoteAddress().getPort());
                byte[] body = catalogPage.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("content-type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
