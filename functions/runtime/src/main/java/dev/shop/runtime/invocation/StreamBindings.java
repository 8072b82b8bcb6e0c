package dev.shop.runtime.invocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.shop.runtime.manifest.FunctionManifest;

/**
 * The Spring Cloud Stream bindings of a module's consumers, derived from the manifest so they cannot drift from it
 * (or from Terraform's event source mappings): the Stream definition, each binding's topic, consumer group and
 * retries, and one poison policy for all: a {@link PoisonEventException} is not retried and goes straight to the
 * dead-letter topic {@link FunctionManifest#deadLetterTopic}. A module's own configuration can still override any
 * of these properties.
 */
public final class StreamBindings {

    /** Delivery attempts of an event whose function failed for a reason a retry may fix. */
    public static final int MAX_ATTEMPTS = 3;

    private StreamBindings() {
    }

    /** The properties for {@code module}; empty when it consumes nothing. */
    public static Map<String, Object> of(FunctionManifest manifest, String module) {
        List<FunctionManifest.FunctionSpec> consumers = manifest.functionsOf(module).stream()
                .filter(f -> !f.consumes().isEmpty()).toList();
        Map<String, Object> properties = new LinkedHashMap<>();
        if (consumers.isEmpty()) {
            return properties;
        }
        properties.put("spring.cloud.function.definition",
                consumers.stream().map(FunctionManifest.FunctionSpec::name).collect(Collectors.joining(";")));
        properties.put("spring.cloud.stream.kafka.binder.brokers", "${shop.kafka.bootstrap}");
        properties.put("spring.cloud.stream.kafka.binder.auto-add-partitions", "true");
        properties.put("spring.cloud.stream.kafka.binder.min-partition-count", consumers.stream()
                .flatMap(f -> f.consumes().stream())
                .mapToInt(topic -> manifest.topics().get(topic).partitions()).max().orElse(1));
        for (FunctionManifest.FunctionSpec consumer : consumers) {
            String binding = consumer.name() + "-in-0";
            String stream = "spring.cloud.stream.bindings." + binding + ".";
            String kafka = "spring.cloud.stream.kafka.bindings." + binding + ".consumer.";
            properties.put(stream + "destination",
                    consumer.consumes().stream().map(manifest::topicName).collect(Collectors.joining(",")));
            properties.put(stream + "consumer.max-attempts", MAX_ATTEMPTS);
            properties.put(stream + "consumer.retryable-exceptions." + PoisonEventException.class.getName(),
                    "false");
            if (consumer.everyInstance()) {
                // No group: an anonymous one per instance, reading from the start, so each instance sees every event.
                properties.put(kafka + "start-offset", "earliest");
                properties.put(kafka + "reset-offsets", "true");
            } else {
                properties.put(stream + "group", consumer.consumerGroup());
                // No dlq-name: the binder names it error.<topic>.<group>, as FunctionManifest.deadLetterTopic does.
                properties.put(kafka + "enable-dlq", "true");
            }
        }
        return properties;
    }
}
