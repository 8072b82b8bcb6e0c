package dev.shop.knative.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.cart.CartApplication;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.ProductChanged;
import dev.shop.local.servers.RealServersInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cart module started as its Knative Service runs it, its own HTTP server on a port, against the JVM's real
 * Postgres, Kafka and Redis: its routes answer as on every other platform, and a CloudEvent POSTed the way a
 * KafkaSource delivers it has the Kafka record's effect, once.
 */
class KnativeHttpServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext cart;
    private static URI base;

    @BeforeAll
    static void startCartAsKnativeService() {
        cart = new SpringApplicationBuilder(CartApplication.class)
                .initializers(new RealServersInitializer())
                .properties("shop.knative.port=0")
                .run();
        base = URI.create("http://localhost:" + cart.getBean(KnativeHttpServer.class).port());
    }

    @AfterAll
    static void stop() {
        cart.close();
    }

    @Test
    void answersItsHealthProbe() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void answersUnknownRouteWithProblemDetails() throws Exception {
        HttpResponse<String> response = get("/nowhere");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    }

    @Test
    void refusesBadInputWithProblemDetailsAndWritesNothing() throws Exception {
        String cartId = "kn-" + UUID.randomUUID();

        HttpResponse<String> bad = send(HttpRequest.newBuilder(base.resolve("/carts/" + cartId + "/items"))
                .header("content-type", "application/json")
                .POST(BodyPublishers.ofString("{\"sku\":\"KIT-MUG-RED\",\"quantity\":0}")));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(bad.body()).contains("quantity");
        assertThat(get("/carts/" + cartId).body()).doesNotContain("KIT-MUG-RED");
    }

    @Test
    void appliesStructuredCloudEventLikeKafkaRecordAndIgnoresItsDuplicate() throws Exception {
        String sku = "KN-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] event = productChanged(sku, 1725);
        ObjectNode duplicate = (ObjectNode) JSON.readTree(event);
        ((ObjectNode) duplicate.get("data")).put("priceCents", 9999);

        HttpResponse<String> first = structured(event);
        HttpResponse<String> again = binary(duplicate);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).contains("handled");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("redelivered");
        // The replica priced the item from the first delivery only.
        HttpResponse<String> added = addOne(sku);
        assertThat(added.statusCode()).isBetween(200, 201);
        assertThat(added.body()).contains("1725").doesNotContain("9999");
    }

    @Test
    void appliesBinaryCloudEvent() throws Exception {
        String sku = "KN-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> delivered = binary((ObjectNode) JSON.readTree(productChanged(sku, 480)));

        assertThat(delivered.statusCode()).isEqualTo(202);
        assertThat(addOne(sku).body()).contains("480");
    }

    @Test
    void setsAsidePoisonCloudEventWith400() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/cloudevents/syncCartPrices"))
                .header("content-type", "application/cloudevents+json")
                .POST(BodyPublishers.ofString("not an event")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("not an event");
    }

    private static byte[] productChanged(String sku, long priceCents) {
        EventEnvelope<ProductChanged> event = EventEnvelope.of(EventTypes.PRODUCT_CHANGED, "/functions/catalog",
                "test-" + UUID.randomUUID(), new ProductChanged(sku, "Knative mug", null, null, "Kitchen", null, null,
                        priceCents, "EUR", List.of(), 1, Instant.now()));
        return cart.getBean(EventCodec.class).encode(event);
    }

    private static HttpResponse<String> addOne(String sku) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/carts/kn-" + UUID.randomUUID() + "/items"))
                .header("content-type", "application/json")
                .POST(BodyPublishers.ofString("{\"sku\":\"" + sku + "\",\"quantity\":1}")));
    }

    private static HttpResponse<String> structured(byte[] event) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/cloudevents/syncCartPrices"))
                .header("content-type", "application/cloudevents+json")
                .POST(BodyPublishers.ofByteArray(event)));
    }

    /** Binary mode: the attributes as {@code ce-*} headers, the body the event's data. */
    private static HttpResponse<String> binary(ObjectNode event) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/cloudevents/syncCartPrices"))
                .header("content-type", "application/json");
        for (String attribute : List.of("specversion", "id", "source", "type", "subject", "time", "dataschema")) {
            if (event.hasNonNull(attribute)) {
                request.header("ce-" + attribute, event.get(attribute).asText());
            }
        }
        return send(request.POST(BodyPublishers.ofString(JSON.writeValueAsString(event.get("data")))));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), BodyHandlers.ofString());
    }
}
