package dev.shop.runtime.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.events.EventCodec;
import dev.shop.events.EventTypes;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.invocation.InvocationMode;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.metering.InvocationMeter;
import dev.shop.runtime.metering.MeteringWriter;
import dev.shop.runtime.testing.TestDatabase;
import dev.shop.runtime.testing.TestManifests;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

/**
 * An MSK event source mapping's batch as Lambda hands it over, through {@code kafkaBatch} into the same invocation
 * path a Stream binding's record takes: AWS's own event format, and a recorded batch with a failing record.
 */
class KafkaBatchFunctionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    TestDatabase database;
    MeteringWriter metering;
    Invocations invocations;
    final List<String> handled = new ArrayList<>();

    @BeforeEach
    void bind() throws IOException {
        FunctionManifest manifest = TestManifests.read("invocations.json");
        database = TestDatabase.migrated("demo");
        metering = new MeteringWriter(database.jdbi(), new SimpleMeterRegistry(), 100, 50, false);
        invocations = new Invocations(manifest, new EventCodec(),
                new InvocationMeter(manifest, metering, new SimpleMeterRegistry(), Clock.systemUTC()), database.jdbi(),
                InvocationMode.PER_INVOCATION, List.of());
        invocations.register("onProduct", EventFunction.inTransaction(EventTypes.PRODUCT_CHANGED, (h, event) -> {
            if (event.data().sku().startsWith("FAIL")) {
                throw new IllegalStateException("the database went away");
            }
            handled.add(event.data().sku());
            return null;
        }));
    }

    @AfterEach
    void close() {
        metering.close();
        database.close();
    }

    @Test
    void reportsThePartitionsFirstFailedRecordAndLeavesTheRecordsAfterItForTheRetry() throws IOException {
        KafkaBatchFunction batch = new KafkaBatchFunction(invocations, "onProduct");

        Map<String, Object> response = batch.apply(MessageBuilder.withPayload(fixture("msk-batch-product-events.json"))
                .build());

        assertThat(response.get("batchItemFailures")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(Map.of("itemIdentifier",
                Map.of("topic-partition", "shop.test-product-events.v1-0", "offset", 11L)));
        // Partition 0 stops at its failure so its order holds; partition 1 goes on, its poison record acknowledged.
        assertThat(handled).containsExactlyInAnyOrder("SKU-BATCH-1", "SKU-BATCH-4");
    }

    @Test
    void aRetriedBatchDoesNotHandleTheRecordsThatSucceededAgain() throws IOException {
        KafkaBatchFunction batch = new KafkaBatchFunction(invocations, (String) null);
        byte[] event = fixture("msk-batch-product-events.json");

        batch.apply(MessageBuilder.withPayload(event).build());
        batch.apply(MessageBuilder.withPayload(event).build());

        assertThat(handled).as("the function found by the records' topic; redeliveries change nothing")
                .containsExactlyInAnyOrder("SKU-BATCH-1", "SKU-BATCH-4");
        metering.flush();
        assertThat(database.count("select count(*) from metering.invocations where function_name = 'onProduct'"))
                .as("every record of both deliveries is metered").isEqualTo(2 * 4);
    }

    @Test
    void acceptsAwsOwnEventFormatAndSetsAsideAValueThatIsNoEvent() throws IOException {
        Map<String, Object> response = new KafkaBatchFunction(invocations, "onProduct")
                .apply(MessageBuilder.withPayload(fixture("aws/kafka_event.json")).build());

        // Its record carries a greeting, not a shop event: acknowledged, never retried.
        assertThat(response.get("batchItemFailures")).asInstanceOf(InstanceOfAssertFactories.LIST).isEmpty();
        assertThat(handled).isEmpty();
        metering.flush();
        assertThat(database.count("select count(*) from metering.invocations where function_name = 'onProduct' "
                + "and outcome = 'REJECTED'")).isEqualTo(1);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = KafkaBatchFunctionTest.class.getResourceAsStream("/events/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
