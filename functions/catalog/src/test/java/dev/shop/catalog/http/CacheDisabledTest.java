package dev.shop.catalog.http;

import static dev.shop.local.servers.RealServersInitializer.ADMIN_TOKEN;

import dev.shop.catalog.CatalogOnRealServers;
import dev.shop.catalog.domain.ProductCache;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.http.HttpRequestBuilder;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static dev.shop.catalog.ProductDrafts.aProduct;
import static dev.shop.catalog.ProductDrafts.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

@CatalogOnRealServers
@TestPropertySource(properties = "shop.catalog.cache-enabled=false")
class CacheDisabledTest {

    @Autowired
    HttpApi catalogHttpApi;
    @Autowired
    RedisClient redisClient;

    @Test
    void readsEveryProductFromTheDatabaseAndCachesNothing() {
        String sku = created();

        HttpResponse first = catalogHttpApi.handle(HttpRequestBuilder.get("/products/" + sku).build());
        HttpResponse second = catalogHttpApi.handle(HttpRequestBuilder.get("/products/" + sku).build());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers()).containsEntry("x-cache", "MISS");
        assertThat(second.headers()).containsEntry("x-cache", "MISS");
        try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
            assertThat(redis.sync().exists(ProductCache.key(sku))).isZero();
        }
    }

    private String created() {
        String sku = uniqueSku();
        HttpResponse put = catalogHttpApi.handle(HttpRequestBuilder.put("/products/" + sku)
                .asAdmin(ADMIN_TOKEN).json(aProduct().build()).build());
        assertThat(put.status()).isEqualTo(201);
        return sku;
    }
}
