package dev.shop.runtime.crac;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.shop.events.EventCodec;
import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.config.ShopProperties;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.metering.Outcome;
import dev.shop.runtime.metering.Trigger;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.outbox.OutboxRelay;
import dev.shop.runtime.testing.KafkaTopics;
import dev.shop.runtime.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.crac.Core;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The resources the runtime registers for a module (as its auto-configuration wires them), put through a
 * checkpoint and a restore on real servers.
 */
class RuntimeCheckpointTest {

    TestDatabase database;
    MeteringWriter writer;
    InvocationMeter meter;
    OutboxRelay relay;
    CracResources resources;

    @BeforeEach
    void wire() {
        database = TestDatabase.migrated("checkpoint");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        writer = new MeteringWriter(database.jdbi(), registry, 1_000, 50);
        meter = new InvocationMeter(FunctionManifest.load(), writer, registry, Clock.systemUTC());
        relay = new OutboxRelay(database.jdbi(),
                () -> KafkaTopics.producer(KafkaTopics.producerConfig(KafkaTopics.bootstrap(), Duration.ofSeconds(3))),
                new OutboxRelay.PostgresNotifications(database.url(), database.user(), database.password()),
                Duration.ofSeconds(1), Duration.ofDays(1)).start();
        resources = new RuntimeAutoConfiguration().cracResources(writer, meter, database.dataSource(),
                Optional.of(relay), new ShopProperties("checkpoint", null, null, null, null, null, null, null, null));
    }

    @AfterEach
    void close() {
        relay.stop();
        writer.close();
        database.close();
    }

    @Test
    void registersPoolRelayAndMetering() {
        assertThat(resources.names()).containsExactly("database-pool", "outbox-relay", "metering");
    }

    @Test
    void checkpointWritesMeteringStopsTheRelayAndEmptiesThePool() throws Exception {
        String correlationId = UUID.randomUUID().toString();
        meter.start("getProduct", Trigger.HTTP, correlationId).end(Outcome.SUCCESS);

        resources.beforeCheckpoint(Core.getGlobalContext());

        assertThat(relay.running()).isFalse();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> database.dataSource().getHikariPoolMXBean().getTotalConnections() == 0);
        assertThat(database.count("select count(*) from metering.invocations where correlation_id = '"
                + correlationId + "'")).isEqualTo(1);
    }

    @Test
    void restoreRestartsTheRelayAndCountsTheNextInvocationsCold() throws Exception {
        meter.start("getProduct", Trigger.HTTP, "before-checkpoint").end(Outcome.SUCCESS);
        resources.beforeCheckpoint(Core.getGlobalContext());
        String topic = KafkaTopics.create("test-outbox-restore", 1);
        database.jdbi().useTransaction(h -> new Outbox(new EventCodec()).append(h, topic, "SKU-1",
                dev.shop.events.EventEnvelope.of(dev.shop.events.EventTypes.PRODUCT_DELETED, "/functions/test",
                        "corr-1", new dev.shop.events.ProductDeleted("SKU-1", 1, java.time.Instant.now()))));
        assertThat(relay.pending()).isEqualTo(1);

        resources.afterRestore(Core.getGlobalContext());

        assertThat(relay.running()).isTrue();
        assertThat(meter.start("getProduct", Trigger.HTTP, "after-restore").coldStart()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(KafkaTopics.recordCount(topic)).isEqualTo(1);
    }
}
