package dev.shop.catalog;

import java.time.Duration;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.catalog.domain.CatalogCommands.DeleteProduct;
import dev.shop.catalog.domain.CatalogCommands.UpsertProduct;
import dev.shop.catalog.domain.ProductCache;
import dev.shop.catalog.domain.ProductChange;
import dev.shop.catalog.domain.ProductLookup;
import dev.shop.catalog.domain.ProductPage;
import dev.shop.catalog.domain.ProductRemoval;
import dev.shop.catalog.domain.ProductRepository;
import dev.shop.catalog.domain.ProductSearch;
import dev.shop.catalog.domain.Products;
import dev.shop.catalog.http.CatalogHttp;
import dev.shop.events.EventTypes;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.redis.RedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog's function beans: its rules, one bean per manifest function, and its HTTP face. */
@Configuration(proxyBeanMethods = false)
public class CatalogFunctions {

    @Bean
    ProductRepository productRepository(Jdbi jdbi, Outbox outbox, FunctionManifest manifest) {
        return new ProductRepository(jdbi, outbox, manifest.topicName("product-events"));
    }

    @Bean
    ProductCache productCache(RedisConnection redis, ObjectMapper mapper, MeterRegistry registry,
                              @Value("${shop.catalog.cache-ttl:10m}") Duration ttl) {
        return new ProductCache(redis, mapper, ttl, registry);
    }

    @Bean
    Products products(ProductRepository repository, ProductCache cache,
                      @Value("${shop.catalog.cache-enabled:true}") boolean cacheEnabled) {
        return new Products(repository, cache, cacheEnabled);
    }

    @Bean
    public Function<String, ProductLookup> getProduct(Products products) {
        return products::lookup;
    }

    @Bean
    public Function<ProductSearch, ProductPage> listProducts(Products products) {
        return products::list;
    }

    @Bean
    public Function<UpsertProduct, ProductChange> upsertProduct(Products products) {
        return command -> products.upsert(command.sku(), command.draft(), command.correlationId());
    }

    @Bean
    public Function<DeleteProduct, ProductRemoval> deleteProduct(Products products) {
        return command -> products.delete(command.sku(), command.correlationId());
    }

    /** Evicts the cache entry of every changed or deleted product, whichever instance changed it. */
    @Bean
    public EventFunction invalidateProductCache(Products products) {
        return EventFunction.on(EventTypes.PRODUCT_CHANGED,
                        event -> products.invalidate(event.data().sku(), event.data().version()))
                .and(EventTypes.PRODUCT_DELETED, event -> products.invalidate(event.data().sku(), event.data().version()));
    }

    @Bean
    CatalogHttp catalogHttp(ObjectMapper mapper, JsonBodies bodies, Function<String, ProductLookup> getProduct,
                            Function<ProductSearch, ProductPage> listProducts,
                            Function<UpsertProduct, ProductChange> upsertProduct,
                            Function<DeleteProduct, ProductRemoval> deleteProduct) {
        return new CatalogHttp(mapper, bodies, getProduct, listProducts, upsertProduct, deleteProduct);
    }
}
