package dev.shop.catalog.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import dev.shop.catalog.CatalogOnRealServers;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ProductChanged;
import dev.shop.runtime.manifest.FunctionManifest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static dev.shop.catalog.ProductDrafts.aProduct;
import static dev.shop.catalog.ProductDrafts.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Product changes reach Kafka once each through the outbox, and product events keep the cache honest. */
@CatalogOnRealServers
class ProductEventsTest {

    @Autowired
    Products catalog;
    @Autowired
    EventCodec codec;
    @Autowired
    FunctionManifest manifest;
    @Autowired
    RedisClient redisClient;
    @Value("${shop.kafka.bootstrap}")
    String bootstrap;

    @Test
    void outboxPublishesEachChangeExactlyOnce() {
        String sku = uniqueSku();
        catalog.upsert(sku, aProduct().priceCents(100).build(), "c1");
        catalog.upsert(sku, aProduct().priceCents(200).build(), "c2");
        catalog.upsert(sku, aProduct().priceCents(200).build(), "c3"); // unchanged: no event
        catalog.delete(sku, "c4");

        List<EventEnvelope<?>> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (sku.equals(record.key())) {
                        events.add(codec.decode(record.value()));
                    }
                }
                return events.size() >= 3;
            });
            // Anything duplicated would arrive right behind the originals.
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (sku.equals(r.key())) {
                    events.add(codec.decode(r.value()));
                }
            });
        }

        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("shop.product.changed.v1", "shop.product.changed.v1", "shop.product.deleted.v1");
        assertThat(events).extracting(EventEnvelope::subject).containsExactly("c1", "c2", "c4");
        assertThat(events).extracting(EventEnvelope::id).doesNotHaveDuplicates();
        assertThat(((ProductChanged) events.get(1).data()).priceCents()).isEqualTo(200);
    }

    @Test
    void productChangedEventFromAnotherInstanceEvictsCacheEntry() throws Exception {
        String sku = uniqueSku();
        catalog.upsert(sku, aProduct().build(), "setup");
        catalog.lookup(sku);
        try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
            assertThat(redis.sync().exists(ProductCache.key(sku))).isEqualTo(1);

            // Another instance changed the product: its event is the only thing that reaches this cache.
            ProductChanged changed = new ProductChanged(sku, "Renamed", null, null, "kitchen", null, null, 1,
                    "USD", List.of(), 99, Instant.now());
            try (KafkaProducer<String, byte[]> producer = producer()) {
                producer.send(new ProducerRecord<>(manifest.topicName("product-events"), sku,
                        codec.encode(EventEnvelope.of(EventTypes.PRODUCT_CHANGED, "/test", "evict", changed)))).get();
            }

            await().atMost(Duration.ofSeconds(15)).until(() -> redis.sync().exists(ProductCache.key(sku)) == 0);
        }
    }

    @Test
    void eventNoNewerThanCachedEntryKeepsIt() throws Exception {
        String sku = uniqueSku();
        catalog.upsert(sku, aProduct().build(), "setup");
        try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
            // The product's own event (version 1) arrives; wait until it has been handled, then cache.
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                catalog.lookup(sku);
                return redis.sync().exists(ProductCache.key(sku)) == 1
                        && catalog.lookup(sku) instanceof ProductLookup.Found found && found.fromCache();
            });
            ProductChanged sameVersion = new ProductChanged(sku, "Ceramic Mug", null, null, "kitchen", null, null,
                    1299, "USD", List.of(), 1, Instant.now());
            String marker = sku + "-marker";
            try (KafkaProducer<String, byte[]> producer = producer()) {
                producer.send(new ProducerRecord<>(manifest.topicName("product-events"), sku,
                        codec.encode(EventEnvelope.of(EventTypes.PRODUCT_CHANGED, "/test", "same", sameVersion)))).get();
                // A later event on the same key (same partition) proves the first one was handled.
                ProductChanged newer = new ProductChanged(marker, "Marker", null, null, "kitchen", null, null, 1,
                        "USD", List.of(), 1, Instant.now());
                redis.sync().set(ProductCache.key(marker), "{\"sku\":\"" + marker + "\",\"version\":0}");
                producer.send(new ProducerRecord<>(manifest.topicName("product-events"), sku,
                        codec.encode(EventEnvelope.of(EventTypes.PRODUCT_CHANGED, "/test", "marker", newer)))).get();
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> redis.sync().exists(ProductCache.key(marker)) == 0);

            assertThat(redis.sync().exists(ProductCache.key(sku))).isEqualTo(1);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(manifest.topicName("product-events")));
        return consumer;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
