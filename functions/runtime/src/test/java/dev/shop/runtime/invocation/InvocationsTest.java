package dev.shop.runtime.invocation;

import static dev.shop.runtime.outbox.TestEvents.productChanged;
import static dev.shop.runtime.outbox.TestEvents.productDeleted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.shop.events.EventCodec;
import dev.shop.events.EventEnvelope;
import dev.shop.events.EventTypes;
import dev.shop.events.TaskSucceeded;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.metering.Trigger;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.outbox.OutboxRelay;
import dev.shop.runtime.testing.KafkaTopics;
import dev.shop.runtime.testing.TestDatabase;
import dev.shop.runtime.testing.TestManifests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The one invocation path, on a real Postgres (and Kafka where the outbox is published): de-duplication, the poison
 * policy, metering, rollback on failure, and the flush before a per-invocation platform's trigger returns.
 */
class InvocationsTest {

    static final FunctionManifest manifest;
    static final EventCodec codec = new EventCodec();

    static {
        try {
            manifest = TestManifests.read("invocations.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static TestDatabase database;
    static MeteringWriter metering;
    static InvocationMeter meter;

    final AtomicInteger handled = new AtomicInteger();
    Invocations invocations;
    EventFunction onProduct;

    @BeforeAll
    static void database() {
        database = TestDatabase.migrated("demo");
        metering = new MeteringWriter(database.jdbi(), new SimpleMeterRegistry(), 1_000, 50, false);
        meter = new InvocationMeter(manifest, metering, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        metering.close();
        database.close();
    }

    @BeforeEach
    void bind() {
        invocations = new Invocations(manifest, codec, meter, database.jdbi(), InvocationMode.LONG_RUNNING, List.of());
        onProduct = EventFunction.inTransaction(EventTypes.PRODUCT_CHANGED, (h, event) -> {
            if (event.data().sku().startsWith("FAIL")) {
                throw new IllegalStateException("the database went away");
            }
            return handled.incrementAndGet();
        });
        invocations.register("onProduct", onProduct);
    }

    @Test
    void handlesAnEventOnceAndARedeliveryNotAgain() {
        byte[] event = codec.encode(productChanged("SKU-" + UUID.randomUUID()));

        EventOutcome first = invocations.deliver("onProduct", event, Trigger.KAFKA);
        EventOutcome again = invocations.deliver("onProduct", event, Trigger.KAFKA);

        assertThat(first).isInstanceOf(EventOutcome.Handled.class);
        assertThat(((EventOutcome.Handled) first).result()).as("what the rule answered").isEqualTo(1);
        assertThat(again).isInstanceOf(EventOutcome.Redelivered.class);
        assertThat(handled).hasValue(1);
        String id = ((EventOutcome.Handled) first).eventId();
        assertThat(database.count("select count(*) from processed_events where consumer = 'onProduct' and event_id = '"
                + id + "'")).isEqualTo(1);
    }

    @Test
    void setsAsideAMessageThatIsNoEventOrOfATypeItsTopicDoesNotCarry() {
        EventEnvelope<TaskSucceeded> reply = EventEnvelope.of(EventTypes.TASK_SUCCEEDED, "/functions/test", "corr",
                new TaskSucceeded("token", Map.of()));

        EventOutcome garbage = invocations.deliver("onProduct", "not an event".getBytes(StandardCharsets.UTF_8),
                Trigger.KAFKA);
        EventOutcome alien = invocations.deliver("onProduct", codec.encode(reply), Trigger.KAFKA);

        assertThat(garbage).isInstanceOf(EventOutcome.Rejected.class);
        assertThat(alien).isInstanceOf(EventOutcome.Rejected.class);
        assertThat(((EventOutcome.Rejected) alien).reason()).contains("shop.task.succeeded.v1");
        assertThat(handled).hasValue(0);
    }

    @Test
    void acknowledgesATypeItsTopicCarriesButItDoesNotTake() {
        EventOutcome outcome = invocations.deliver("onProduct", codec.encode(productDeleted("SKU-deleted")),
                Trigger.KAFKA);

        assertThat(outcome).isInstanceOf(EventOutcome.Ignored.class);
        assertThat(handled).hasValue(0);
    }

    @Test
    void failureRollsBackMetersAnErrorAndLeavesTheEventForItsRetry() {
        EventEnvelope<?> event = productChanged("FAIL-" + UUID.randomUUID());
        String correlationId = event.subject();

        assertThatThrownBy(() -> invocations.deliver("onProduct", codec.encode(event), Trigger.KAFKA))
                .isInstanceOf(IllegalStateException.class);

        assertThat(database.count("select count(*) from processed_events where event_id = '" + event.id() + "'"))
                .as("not recorded: the retry handles it").isZero();
        metering.flush();
        assertThat(database.count("select count(*) from metering.invocations where correlation_id = '"
                + correlationId + "' and outcome = 'ERROR'")).isEqualTo(1);
    }

    @Test
    void aStreamBindingsRecordTakesTheSamePath() {
        EventEnvelope<?> event = productChanged("SKU-" + UUID.randomUUID());

        onProduct.accept(MessageBuilder.withPayload(codec.encode(event)).build());
        onProduct.accept(MessageBuilder.withPayload(codec.encode(event)).build());

        assertThat(handled).as("the redelivered record changed nothing").hasValue(1);
        assertThatThrownBy(() -> onProduct.accept(MessageBuilder.withPayload("{}".getBytes()).build()))
                .as("the binder sends poison to the dead-letter topic").isInstanceOf(PoisonEventException.class);
    }

    @Test
    void perInvocationPlatformsPublishTheOutboxAndWriteMeteringBeforeTheTriggerReturns() {
        String topic = KafkaTopics.create("test-invocation-flush", 1);
        Outbox outbox = new Outbox(codec);
        OutboxRelay relay = new OutboxRelay(database.jdbi(),
                () -> KafkaTopics.producer(KafkaTopics.producerConfig(KafkaTopics.bootstrap(), Duration.ofSeconds(3))),
                new OutboxRelay.PostgresNotifications(database.url(), database.user(), database.password()),
                Duration.ofSeconds(1), Duration.ofDays(1));
        MeteringWriter ownMetering = new MeteringWriter(database.jdbi(), new SimpleMeterRegistry(), 100, 50, false);
        InvocationMeter ownMeter = new InvocationMeter(manifest, ownMetering, new SimpleMeterRegistry(), Clock.systemUTC());
        Invocations lambda = new Invocations(manifest, codec, ownMeter, database.jdbi(), InvocationMode.PER_INVOCATION,
                List.of(after("outbox", () -> relay.publishPending(100)), after("metering", ownMetering::flush)));
        lambda.register("onProduct", EventFunction.inTransaction(EventTypes.PRODUCT_CHANGED, (h, event) ->
        {
            outbox.append(h, topic, event.data().sku(), productDeleted(event.data().sku()));
            return null;
        }));
        EventEnvelope<?> event = productChanged("SKU-" + UUID.randomUUID());
        try {
            lambda.deliver("onProduct", codec.encode(event), Trigger.KAFKA);
            lambda.afterInvocation();

            // No thread runs after the return: what the invocation wrote is already out.
            assertThat(relay.running()).isFalse();
            assertThat(KafkaTopics.recordCount(topic)).isEqualTo(1);
            assertThat(database.count("select count(*) from metering.invocations where correlation_id = '"
                    + event.subject() + "'")).isEqualTo(1);
        } finally {
            relay.stop();
            ownMetering.close();
        }
    }

    private static AfterInvocation after(String name, Runnable work) {
        return new AfterInvocation() {
            public String name() {
                return name;
            }

            public void afterInvocation() {
                work.run();
            }
        };
    }
}
