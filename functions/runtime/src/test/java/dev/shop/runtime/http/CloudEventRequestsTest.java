package dev.shop.runtime.http;

import static dev.shop.runtime.outbox.TestEvents.productChanged;
import static dev.shop.runtime.http.HttpRequestBuilder.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.invocation.InvocationMode;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.http.HttpRequestBuilder;
import dev.shop.runtime.testing.TestDatabase;
import dev.shop.runtime.testing.TestManifests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A CloudEvent POSTed as Knative Eventing delivers a Kafka record: the same path as the record itself. */
class CloudEventRequestsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final EventCodec codec = new EventCodec();
    static TestDatabase database;
    static MeteringWriter metering;

    final AtomicInteger handled = new AtomicInteger();
    CloudEventRequests cloudEvents;

    @BeforeAll
    static void database() {
        database = TestDatabase.migrated("demo");
        metering = new MeteringWriter(database.jdbi(), new SimpleMeterRegistry(), 1_000, 50, false);
    }

    @AfterAll
    static void close() {
        metering.close();
        database.close();
    }

    @BeforeEach
    void bind() throws Exception {
        FunctionManifest manifest = TestManifests.read("invocations.json");
        Invocations invocations = new Invocations(manifest, codec,
                new InvocationMeter(manifest, metering, new SimpleMeterRegistry(), Clock.systemUTC()), database.jdbi(),
                InvocationMode.LONG_RUNNING, List.of());
        invocations.register("onProduct", EventFunction.inTransaction(EventTypes.PRODUCT_CHANGED,
                (h, event) -> handled.incrementAndGet()));
        cloudEvents = new CloudEventRequests(invocations, JSON);
    }

    @Test
    void structuredModeIsTheEnvelopeAndADuplicateChangesNothing() throws Exception {
        byte[] envelope = codec.encode(productChanged("SKU-" + UUID.randomUUID()));
        HttpRequestBuilder request = post("/events/onProduct").header("content-type", "application/cloudevents+json")
                .body(envelope);

        HttpResponse first = cloudEvents.handle("onProduct", request.build());
        HttpResponse duplicate = cloudEvents.handle("onProduct", request.build());

        assertThat(first.status()).isEqualTo(202);
        assertThat(JSON.readTree(first.body()).get("outcome").asText()).isEqualTo("handled");
        assertThat(duplicate.status()).isEqualTo(202);
        assertThat(JSON.readTree(duplicate.body()).get("outcome").asText()).isEqualTo("redelivered");
        assertThat(handled).hasValue(1);
    }

    @Test
    void binaryModeCarriesTheAttributesInHeaders() throws Exception {
        EventEnvelope<?> event = productChanged("SKU-" + UUID.randomUUID());
        JsonNode encoded = JSON.readTree(codec.encode(event));

        HttpResponse response = cloudEvents.handle("onProduct", post("/events/onProduct")
                .header("content-type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-id", event.id())
                .header("ce-source", event.source())
                .header("ce-type", event.type())
                .header("ce-subject", event.subject())
                .header("ce-time", encoded.get("time").asText())
                .header("ce-dataschema", encoded.get("dataschema").asText())
                .body(JSON.writeValueAsBytes(encoded.get("data")))
                .build());

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(handled).hasValue(1);
    }

    @Test
    void aMessageNoRetryCanFixIsABadRequestNotARetry() {
        HttpResponse notAnEvent = cloudEvents.handle("onProduct", post("/events/onProduct")
                .header("content-type", "application/json").body("{\"hello\": 1}").build());
        HttpResponse wrongType = cloudEvents.handle("onProduct", post("/events/onProduct")
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/test").header("ce-type", "shop.unknown.v1")
                .header("content-type", "application/json").body("{}").build());

        assertThat(notAnEvent.status()).isEqualTo(400);
        assertThat(notAnEvent.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(handled).hasValue(0);
    }

    @Test
    void anUnknownFunctionIsNotFound() {
        HttpResponse response = cloudEvents.handle("noSuchFunction", post("/events/noSuchFunction")
                .header("content-type", "application/cloudevents+json").body("{}").build());

        assertThat(response.status()).isEqualTo(404);
    }
}
