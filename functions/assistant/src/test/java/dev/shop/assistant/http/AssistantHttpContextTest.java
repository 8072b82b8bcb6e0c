package dev.shop.assistant.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.AssistantApplication;
import dev.shop.assistant.session.RedisSessionStore;
import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.PlanFinished;
import dev.shop.events.ProductChanged;
import dev.shop.events.ProductDeleted;
import dev.shop.local.servers.RealServersInitializer;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.http.HttpRequest;
import dev.shop.runtime.http.HttpResponse;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * parseIntent through the module's {@link HttpApi} in a Spring context on real servers: products arrive as real
 * product events on {@code shop.product-events.v1} (and leave with a ProductDeleted), a conversation is kept in
 * Redis between requests, and bad requests get a 400 problem. executePlan announces every finished plan as a
 * {@link PlanFinished} on {@code shop.assistant-notifications.v1}: the shop's API is pointed at a port where nothing
 * listens, so the plans here are the ones that need no other service (a clarification) or fail for lack of it.
 */
@SpringBootTest(classes = AssistantApplication.class, properties = "shop.assistant.api-base-url=http://127.0.0.1:1")
@ContextConfiguration(initializers = RealServersInitializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantHttpContextTest {

    private static final String TOPIC = "shop.product-events.v1";
    private static final String NOTIFICATIONS = "shop.assistant-notifications.v1";
    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    private static final Duration INDEXED = Duration.ofSeconds(30);

    @Autowired
    HttpApi assistantHttpApi;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    RedisClient redis;
    @Value("${shop.kafka.bootstrap}")
    String bootstrap;

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final EventCodec codec = new EventCodec();
    private KafkaProducer<String, byte[]> producer;
    private String redTeapot;
    private String blueTeapot;
    private String ledger;

    @BeforeAll
    void publishProducts() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        redTeapot = changed("TPT-RED", "Zorblax Teapot", "red", List.of("teapot", "tea"));
        blueTeapot = changed("TPT-BLU", "Zorblax Teapot", "blue", List.of("teapot", "tea"));
        ledger = changed("LDG-GRN", "Quillon Ledger", "green", List.of("ledger", "book"));
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200)).until(() ->
                skus(parse("add a quillon ledger", null)).contains(ledger)
                        && skus(parse("add a blue zorblax teapot", null)).contains(blueTeapot));
    }

    @AfterAll
    void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void productsFromEventsAreFoundAndAmbiguousOnesAskWhichColour() {
        JsonNode plain = body(parse("add a zorblax teapot", null));
        assertThat(plain.path("needsClarification").asBoolean()).isTrue();
        assertThat(texts(plain.path("candidates"))).containsExactlyInAnyOrder(redTeapot, blueTeapot);

        JsonNode red = body(parse("add 2 red zorblax teapots", null));
        assertThat(red.path("needsClarification").asBoolean()).isFalse();
        assertThat(red.path("intents")).singleElement().satisfies(i -> {
            assertThat(i.path("action").asText()).isEqualTo("ADD_TO_CART");
            assertThat(i.path("sku").asText()).isEqualTo(redTeapot);
            assertThat(i.path("quantity").asInt()).isEqualTo(2);
        });
    }

    @Test
    void sessionIsKeptInRedisAcrossRequests() {
        String session = "ctx-" + UUID.randomUUID();

        JsonNode first = body(parse("add a blue zorblax teapot", session));
        JsonNode second = body(parse("make it three", session));

        assertThat(first.path("intents")).singleElement()
                .satisfies(i -> assertThat(i.path("sku").asText()).isEqualTo(blueTeapot));
        assertThat(second.path("intents")).singleElement().satisfies(i -> {
            assertThat(i.path("action").asText()).isEqualTo("SET_QUANTITY");
            assertThat(i.path("sku").asText()).isEqualTo(blueTeapot);
            assertThat(i.path("quantity").asInt()).isEqualTo(3);
        });
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            String stored = connection.sync().get(RedisSessionStore.PREFIX + session);
            assertThat(stored).isNotNull().contains(blueTeapot);
            assertThat(connection.sync().pttl(RedisSessionStore.PREFIX + session)).isPositive();
        }
        // Without the session the follow-up has nothing to refer to.
        JsonNode alone = body(parse("make it three", "ctx-" + UUID.randomUUID()));
        assertThat(alone.path("intents").findValuesAsText("sku")).doesNotContain(blueTeapot);
    }

    @Test
    void productDeletedEventRemovesItFromTheIndex() {
        String sku = changed("VSE-ONX", "Obsidian Vaseling", "black", List.of("vase"));
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200))
                .until(() -> skus(parse("add an obsidian vaseling", null)).contains(sku));

        publish(sku, EventEnvelope.of(EventTypes.PRODUCT_DELETED, "/catalog", sku,
                new ProductDeleted(sku, 2, Instant.now())));

        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200))
                .until(() -> !skus(parse("add an obsidian vaseling", null)).contains(sku));
        assertThat(skus(parse("add a quillon ledger", null))).contains(ledger);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"text\": \"add a mug\"",
            "not json at all",
            "{}",
            "{\"sessionId\": \"s1\"}",
            "{\"text\": null}",
            "HUGE",
    })
    void badInputGets400Problem(String body) throws Exception {
        if (body.equals("HUGE")) {
            body = mapper.writeValueAsString(Map.of("text", "add a teapot ".repeat(200)));
        }

        HttpResponse response = assistantHttpApi.handle(request("/assistant/intents", body));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void clarificationIsAnnouncedOnceAsNeedsInput() {
        String session = "plan-" + UUID.randomUUID();
        String correlationId = "corr-" + UUID.randomUUID();

        JsonNode result = body(execute("add a zorblax teapot", session, correlationId));

        assertThat(result.path("status").asText()).isEqualTo("NEEDS_INPUT");
        EventEnvelope<PlanFinished> event = theOnlyPlanFinished(session);
        assertThat(event.subject()).isEqualTo(correlationId);
        assertThat(event.data().sessionId()).isEqualTo(session);
        assertThat(event.data().customerId()).isEqualTo("cust-ctx");
        assertThat(event.data().status()).isEqualTo("NEEDS_INPUT");
        assertThat(event.data().message()).isEqualTo(result.path("message").asText());
        assertThat(event.data().checkoutId()).isNull();
        assertThat(event.data().orderId()).isNull();
    }

    @Test
    void planThatCannotReachTheShopIsAnnouncedOnceAsFailed() {
        String session = "plan-" + UUID.randomUUID();
        String correlationId = "corr-" + UUID.randomUUID();

        HttpResponse response = execute("add a quillon ledger", session, correlationId);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"FAILED\"")
                .contains("The shop could not be reached just now; nothing was changed or charged.");
        EventEnvelope<PlanFinished> event = theOnlyPlanFinished(session);
        assertThat(event.subject()).isEqualTo(correlationId);
        assertThat(event.data().sessionId()).isEqualTo(session);
        assertThat(event.data().status()).isEqualTo("FAILED");
        assertThat(event.data().message()).isNotBlank();
        assertThat(event.data().orderId()).isNull();
    }

    @Test
    void unknownPlanIsNotFound() {
        HttpResponse response = plan("plan_" + UUID.randomUUID().toString().replace("-", ""), Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(response.body()).contains("/problems/not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "9", "soon"})
    void refusesAPlanWaitTheFunctionCannotHold(String wait) {
        HttpResponse response = plan("plan_" + UUID.randomUUID().toString().replace("-", ""),
                Map.of("waitSeconds", wait));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(response.body()).contains("waitSeconds");
    }

    private HttpResponse plan(String planId, Map<String, String> query) {
        return assistantHttpApi.handle(new HttpRequest("GET", "/assistant/plans/" + planId, Map.of(), query,
                Map.of(), new byte[0], UUID.randomUUID().toString()));
    }

    private HttpResponse execute(String text, String sessionId, String correlationId) {
        try {
            byte[] body = mapper.writeValueAsBytes(Map.of("text", text, "sessionId", sessionId, "cartId",
                    "cart-" + sessionId, "customerId", "cust-ctx", "paymentToken", "tok-visa"));
            return assistantHttpApi.handle(new HttpRequest("POST", "/assistant/execute", Map.of(), Map.of(),
                    Map.of("content-type", "application/json", "x-correlation-id", correlationId), body,
                    UUID.randomUUID().toString()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the notifications topic from the beginning with a fresh consumer until an event keyed by the session
     * arrives (within {@link #PUBLISHED}), then a few seconds more, and expects exactly one.
     */
    private EventEnvelope<PlanFinished> theOnlyPlanFinished(String session) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<EventEnvelope<PlanFinished>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Instant deadline = Instant.now().plus(PUBLISHED);
            List<PartitionInfo> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                try {
                    partitions = consumer.partitionsFor(NOTIFICATIONS, Duration.ofSeconds(2));
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    partitions = List.of();
                }
            }
            assertThat(partitions).as("partitions of %s", NOTIFICATIONS).isNotEmpty();
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Instant until = deadline;
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (session.equals(record.key())) {
                        found.add(codec.decode(record.value(), EventTypes.PLAN_FINISHED));
                        if (found.size() == 1) {
                            until = Instant.now().plusSeconds(3); // long enough to see a duplicate
                        }
                    }
                }
            }
        }
        assertThat(found).as("PlanFinished events keyed %s on %s", session, NOTIFICATIONS).hasSize(1);
        return found.getFirst();
    }

    private String changed(String suffix, String name, String color, List<String> tags) {
        String sku = "CTX-" + run + "-" + suffix;
        ProductChanged changed = new ProductChanged(sku, name, "A " + name.toLowerCase() + " for tests.", "Testbrand",
                "home", color, null, 1999, "USD", tags, 1, Instant.now());
        publish(sku, EventEnvelope.of(EventTypes.PRODUCT_CHANGED, "/catalog", sku, changed));
        return sku;
    }

    private void publish(String key, EventEnvelope<?> event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, codec.encode(event));
        record.headers().add("event-id", event.id().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", event.type().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the event", e);
        }
    }

    private HttpResponse parse(String text, String sessionId) {
        try {
            Map<String, String> body = sessionId == null ? Map.of("text", text)
                    : Map.of("text", text, "sessionId", sessionId);
            return assistantHttpApi.handle(request("/assistant/intents", mapper.writeValueAsString(body)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest request(String path, String body) {
        return new HttpRequest("POST", path, Map.of(), Map.of(), Map.of("content-type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
    }

    private JsonNode body(HttpResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try {
            return mapper.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> skus(HttpResponse response) {
        if (response.status() != 200) {
            return List.of();
        }
        return body(response).path("intents").findValuesAsText("sku");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
