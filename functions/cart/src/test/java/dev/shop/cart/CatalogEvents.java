package dev.shop.cart;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import dev.shop.cart.domain.ProductPrice;
import dev.shop.cart.domain.ProductPrices;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.runtime.manifest.FunctionManifest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * The catalog's side of the product-events topic in tests: publishes product events to the real Kafka
 * exactly as the catalog's outbox relay does (keyed by SKU, with event-id and event-type headers), and waits
 * until the cart's {@code syncCartPrices} consumer has processed them.
 */
public class CatalogEvents implements AutoCloseable {

    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final EventCodec codec;
    private final ProductPrices prices;
    private final Jdbi jdbi;

    CatalogEvents(String bootstrap, String topic, EventCodec codec, ProductPrices prices, Jdbi jdbi) {
        java.util.Properties config = new java.util.Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "cart-tests-catalog");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.codec = codec;
        this.prices = prices;
        this.jdbi = jdbi;
    }

    /** Publishes the event and returns once Kafka has acknowledged it. */
    public <T> EventEnvelope<T> publish(String sku, EventEnvelope<T> event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, sku, codec.encode(event));
        record.headers().add("event-id", event.id().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + event.type(), e);
        }
        return event;
    }

    /** Publishes bytes that are no event at all, as a broken producer might. */
    public void publishRaw(String key, byte[] payload) {
        try {
            producer.send(new ProducerRecord<>(topic, key, payload)).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the raw record", e);
        }
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
        await("processing of event " + event.id()).atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> deliveriesRecorded(event) > 0);
    }

    /** How many times the event is recorded in the consumer's processed-events table: 0 or 1. */
    public long deliveriesRecorded(EventEnvelope<?> event) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from processed_events where consumer = :consumer and event_id = :id")
                .bind("consumer", ProductPrices.CONSUMER)
                .bind("id", event.id())
                .mapTo(Long.class)
                .one());
    }

    public Optional<ProductPrice> replica(String sku) {
        return prices.find(sku);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /**
     * Makes {@link CatalogEvents} a bean of the test context, closed with it. Imported by
     * {@link CartIntegrationTest}; deliberately no {@code @Configuration}, so the component scan of an
     * application booted outside Spring's test support (the AWS adapter test) does not pick it up.
     */
    public static class Configuration {

        @Bean(destroyMethod = "close")
        CatalogEvents catalogEvents(@Value("${shop.kafka.bootstrap}") String bootstrap, FunctionManifest manifest,
                                    EventCodec codec, ProductPrices prices, Jdbi jdbi) {
            return new CatalogEvents(bootstrap, manifest.topicName("product-events"), codec, prices, jdbi);
        }
    }
}
