package dev.shop.runtime.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.testing.TestManifests;
import org.junit.jupiter.api.Test;

class StreamBindingsTest {

    @Test
    void bindsEachConsumerToItsManifestTopicWithOnePoisonPolicy() {
        Map<String, Object> properties = StreamBindings.of(TestManifests.demo(), "demo");

        assertThat(properties)
                .containsEntry("spring.cloud.function.definition", "onThingEvent")
                .containsEntry("spring.cloud.stream.bindings.onThingEvent-in-0.destination", "shop.demo-events.v1")
                .containsEntry("spring.cloud.stream.bindings.onThingEvent-in-0.group", "onThingEvent")
                .containsEntry("spring.cloud.stream.bindings.onThingEvent-in-0.consumer.max-attempts", 3)
                .containsEntry("spring.cloud.stream.bindings.onThingEvent-in-0.consumer.retryable-exceptions."
                        + PoisonEventException.class.getName(), "false")
                .containsEntry("spring.cloud.stream.kafka.bindings.onThingEvent-in-0.consumer.enable-dlq", "true")
                .containsEntry("spring.cloud.stream.kafka.binder.min-partition-count", 1);
    }

    @Test
    void namesTheDeadLetterTopicAsTheKafkaBinderDoes() {
        FunctionManifest manifest = TestManifests.demo();

        assertThat(manifest.deadLetterTopic(manifest.function("onThingEvent").orElseThrow(), "shop.demo-events.v1"))
                .isEqualTo("error.shop.demo-events.v1.onThingEvent");
    }

    @Test
    void givesAnEveryInstanceConsumerNoGroupAndTheWholeTopic() {
        FunctionManifest manifest = FunctionManifest.load();

        Map<String, Object> properties = StreamBindings.of(manifest, "assistant");

        assertThat(properties).doesNotContainKey("spring.cloud.stream.bindings.indexProducts-in-0.group")
                .doesNotContainKey("spring.cloud.stream.kafka.bindings.indexProducts-in-0.consumer.enable-dlq")
                .containsEntry("spring.cloud.stream.kafka.bindings.indexProducts-in-0.consumer.start-offset", "earliest");
    }

    @Test
    void bindsNothingForAModuleWithoutConsumers() {
        assertThat(StreamBindings.of(TestManifests.demo(), "other")).isEmpty();
    }
}
