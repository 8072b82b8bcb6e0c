package dev.shop.catalog;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.catalog.domain.ProductCache;
import dev.shop.catalog.domain.ProductCatalog;
import dev.shop.catalog.domain.ProductChange;
import dev.shop.catalog.domain.ProductDraft;
import dev.shop.catalog.domain.ProductLookup;
import dev.shop.catalog.domain.ProductPage;
import dev.shop.catalog.domain.ProductRemoval;
import dev.shop.catalog.domain.ProductRepository;
import dev.shop.catalog.domain.ProductSearch;
import dev.shop.catalog.http.CatalogHttp;
import dev.shop.events.ProductChanged;
import dev.shop.events.ProductDeleted;
import dev.shop.runtime.aws.ApiGatewayHttpFunction;
import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.config.ShopProperties;
import dev.shop.runtime.crac.CracResources;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.kafka.EventConsumers;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.outbox.Outbox;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The catalog's function beans: the business rules, and the thin HTTP and Kafka faces around them. */
@Configuration(proxyBeanMethods = false)
public class CatalogFunctions {

    /** The commands of the write functions: what to change, and the correlation id its event carries. */
    public record UpsertProduct(String sku, ProductDraft draft, String correlationId) {
    }

    public record DeleteProduct(String sku, String correlationId) {
    }

    @Bean
    ProductRepository productRepository(Jdbi jdbi, Outbox outbox, FunctionManifest manifest) {
        return new ProductRepository(jdbi, outbox, manifest.topicName("product-events"));
    }

    @Bean
    ProductCache productCache(RedisClient redis, ObjectMapper mapper, MeterRegistry registry, CracResources crac,
                              @Value("${shop.catalog.cache-ttl:10m}") Duration ttl) {
        ProductCache cache = new ProductCache(redis, mapper, ttl, registry);
        crac.add(cache);
        return cache;
    }

    @Bean
    ProductCatalog productCatalog(ProductRepository products, ProductCache cache) {
        return new ProductCatalog(products, cache);
    }

    @Bean
    public Function<String, ProductLookup> getProduct(ProductCatalog catalog) {
        return catalog::lookup;
    }

    @Bean
    public Function<ProductSearch, ProductPage> listProducts(ProductCatalog catalog) {
        return catalog::list;
    }

    @Bean
    public Function<UpsertProduct, ProductChange> upsertProduct(ProductCatalog catalog) {
        return command -> catalog.upsert(command.sku(), command.draft(), command.correlationId());
    }

    @Bean
    public Function<DeleteProduct, ProductRemoval> deleteProduct(ProductCatalog catalog) {
        return command -> catalog.delete(command.sku(), command.correlationId());
    }

    /** Evicts the cache entry of every changed or deleted product, whichever instance changed it. */
    @Bean
    public Consumer<Message<byte[]>> invalidateProductCache(EventConsumers consumers, ProductCatalog catalog) {
        return consumers.consumer("invalidateProductCache", event -> {
            switch (event.data()) {
                case ProductChanged changed -> catalog.invalidate(changed.sku(), changed.version());
                case ProductDeleted deleted -> catalog.invalidate(deleted.sku(), deleted.version());
                default -> {
                    // other event types on the topic are not the cache's concern
                }
            }
        });
    }

    @Bean
    HttpApi catalogHttpApi(FunctionManifest manifest, ShopProperties shop, InvocationMeter meter, ObjectMapper mapper,
                           JsonBodies bodies, Function<String, ProductLookup> getProduct,
                           Function<ProductSearch, ProductPage> listProducts,
                           Function<UpsertProduct, ProductChange> upsertProduct,
                           Function<DeleteProduct, ProductRemoval> deleteProduct) {
        CatalogHttp http = new CatalogHttp(mapper, bodies, getProduct, listProducts, upsertProduct, deleteProduct);
        return RuntimeAutoConfiguration.httpApi(manifest, shop, http.operations(), meter, mapper);
    }

    /** The HTTP entry point on Lambda (API Gateway payload 2.0) and in the local gateway. */
    @Bean
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> catalogApi(HttpApi catalogHttpApi) {
        return new ApiGatewayHttpFunction(catalogHttpApi);
    }
}
