package dev.shop.cart;

import static dev.shop.cart.TestProducts.aProduct;
import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.cart.domain.ProductPrice;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.ProductChanged;
import dev.shop.runtime.aws.KafkaBatchFunction;
import dev.shop.runtime.http.CloudEventRequests;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import dev.shop.runtime.manifest.FunctionManifest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * One consumer, {@code syncCartPrices}, reached by each trigger the platform has: a Stream binding's Kafka record,
 * an MSK batch as Lambda hands it over, and a CloudEvent over HTTP as Knative delivers it. All three go through the
 * same invocation path, so they share its dedupe table and its poison policy.
 */
@CartOnRealServers
class SyncCartPricesTriggersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CatalogEvents catalog;

    @Autowired
    KafkaBatchFunction kafkaBatch;

    @Autowired
    CloudEventRequests cloudEvents;

    @Autowired
    EventCodec codec;

    @Autowired
    FunctionManifest manifest;

    @Test
    void updatesPriceReplicaFromKafkaRecord() {
        TestProducts mug = aProduct().price(1299);

        ProductPrice replica = catalog.publishProduct(mug);

        assertThat(replica.priceCents()).isEqualTo(1299);
    }

    @Test
    void updatesPriceReplicaFromMskBatch() throws IOException {
        TestProducts mug = aProduct().price(1450);

        Map<String, Object> response = kafkaBatch.apply(mskBatch(codec.encode(mug.changed())));

        assertThat(response).extractingByKey("batchItemFailures", LIST).isEmpty();
        // The batch is handled before the invocation returns: no waiting for a consumer thread.
        assertThat(catalog.replica(mug.sku())).get().extracting(ProductPrice::priceCents).isEqualTo(1450L);
    }

    @Test
    void updatesPriceReplicaFromCloudEvent() {
        TestProducts mug = aProduct().price(1725);

        HttpResponse response = cloudEvents.handle("syncCartPrices", structured(codec.encode(mug.changed())));

        assertThat(response.status()).isEqualTo(202);
        assertThat(catalog.replica(mug.sku())).get().extracting(ProductPrice::priceCents).isEqualTo(1725L);
    }

    @Test
    void handlesOneEventOnceWhicheverTriggersDeliverIt() throws IOException {
        TestProducts mug = aProduct().price(990);
        EventEnvelope<ProductChanged> event = mug.changed();
        catalog.publish(mug.sku(), event);
        catalog.awaitProcessed(event);
        byte[] encoded = codec.encode(event);

        Map<String, Object> batch = kafkaBatch.apply(mskBatch(encoded));
        HttpResponse cloudEvent = cloudEvents.handle("syncCartPrices", structured(encoded));

        assertThat(batch).extractingByKey("batchItemFailures", LIST).isEmpty();
        assertThat(cloudEvent.status()).isEqualTo(202);
        assertThat(cloudEvent.body()).contains("redelivered");
        assertThat(catalog.deliveriesRecorded(event)).isEqualTo(1);
        assertThat(catalog.replica(mug.sku())).get().extracting(ProductPrice::priceCents).isEqualTo(990L);
    }

    @Test
    void setsAsideUndecodableEventOnEveryTriggerWithoutRetrying() throws IOException {
        String marker = "not an event " + UUID.randomUUID();
        byte[] poison = marker.getBytes(StandardCharsets.UTF_8);

        Map<String, Object> batch = kafkaBatch.apply(mskBatch(poison));
        HttpResponse cloudEvent = cloudEvents.handle("syncCartPrices", structured(poison));

        // Retrying cannot fix it: the batch reports no failure (Lambda moves on), Knative is told 400 (dead letter).
        assertThat(batch).extractingByKey("batchItemFailures", LIST).isEmpty();
        assertThat(cloudEvent.status()).isEqualTo(400);
        assertThat(cloudEvent.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(cloudEvent.body()).doesNotContain(marker);
    }

    /** The recorded MSK batch, its one record carrying {@code value} on this run's product-events topic. */
    private Message<byte[]> mskBatch(byte[] value) throws IOException {
        ObjectNode event;
        try (InputStream in = getClass().getResourceAsStream("/events/msk-product-changed.json")) {
            event = (ObjectNode) JSON.readTree(in);
        }
        String topic = manifest.topicName("product-events");
        ObjectNode records = (ObjectNode) event.get("records");
        ObjectNode record = (ObjectNode) records.elements().next().get(0);
        record.put("topic", topic).put("value", Base64.getEncoder().encodeToString(value));
        records.removeAll();
        records.set(topic + "-" + record.get("partition").asInt(), JSON.createArrayNode().add(record));
        return MessageBuilder.withPayload(JSON.writeValueAsBytes(event)).build();
    }

    private static HttpRequest structured(byte[] envelope) {
        return post("/events/syncCartPrices").header("content-type", "application/cloudevents+json")
                .body(envelope).build();
    }
}
