package dev.shop.cart;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import dev.shop.cart.domain.ProductPrice;
import dev.shop.cart.domain.ProductPrices;
import dev.shop.events.EventEnvelope;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.testing.KafkaTestClient;
import dev.shop.testing.ProcessedEventsProbe;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The catalog's side of the product-events topic in tests: publishes product events to the real Kafka
 * exactly as the catalog's outbox relay does (keyed by SKU, with event-id and event-type headers), and waits
 * until the cart's {@code syncCartPrices} consumer has processed them.
 */
public class CatalogEvents implements AutoCloseable {

    public static final Duration DEADLINE = KafkaTestClient.DEADLINE;

    private final KafkaTestClient kafka;
    private final String topic;
    private final ProductPrices prices;
    private final ProcessedEventsProbe processed;

    CatalogEvents(String bootstrap, String topic, ProductPrices prices, Jdbi jdbi) {
        this.kafka = new KafkaTestClient(bootstrap, "cart-tests-catalog");
        this.topic = topic;
        this.prices = prices;
        this.processed = new ProcessedEventsProbe(jdbi, "syncCartPrices");
    }

    /** Publishes the event and returns once Kafka has acknowledged it. */
    public <T> EventEnvelope<T> publish(String sku, EventEnvelope<T> event) {
        return kafka.publish(topic, sku, event);
    }

    /** Publishes bytes that are no event at all, as a broken producer might. */
    public void publishRaw(String key, byte[] payload) {
        kafka.publishRaw(topic, key, payload);
    }

    /** Publishes the product's current state and waits until the cart's replica holds that version. */
    public ProductPrice publishProduct(TestProducts product) {
        publish(product.sku(), product.changed());
        return awaitReplica(product.sku(), row -> row.version() >= product.version());
    }

    /** Waits until the replica's row for the SKU (tombstones included) satisfies the condition. */
    public ProductPrice awaitReplica(String sku, Predicate<ProductPrice> condition) {
        return await("replica row of " + sku).atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> prices.find(sku), row -> row.isPresent() && condition.test(row.get()))
                .orElseThrow();
    }

    /** Waits until {@code syncCartPrices} has recorded the event as processed, whether it changed anything or not. */
    public void awaitProcessed(EventEnvelope<?> event) {
        processed.awaitRecorded("processing of event " + event.id(), event.id(), DEADLINE);
    }

    /** How many times the event is recorded in the consumer's processed-events table: 0 or 1. */
    public long deliveriesRecorded(EventEnvelope<?> event) {
        return processed.timesRecorded(event.id());
    }

    public Optional<ProductPrice> replica(String sku) {
        return prices.find(sku);
    }

    @Override
    public void close() {
        kafka.close();
    }

    /**
     * Makes {@link CatalogEvents} a bean of the test context, closed with it. Imported by
     * {@link CartOnRealServers}; deliberately no {@code @Configuration}, so the component scan of an
     * application booted outside Spring's test support (the AWS adapter test) does not pick it up.
     */
    public static class Configuration {

        @Bean(destroyMethod = "close")
        CatalogEvents catalogEvents(@Value("${shop.kafka.bootstrap}") String bootstrap, FunctionManifest manifest,
                                    ProductPrices prices, Jdbi jdbi) {
            return new CatalogEvents(bootstrap, manifest.topicName("product-events"), prices, jdbi);
        }
    }
}
