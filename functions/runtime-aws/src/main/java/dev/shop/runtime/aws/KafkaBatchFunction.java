package dev.shop.runtime.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.invocation.EventOutcome;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.metering.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

/**
 * {@code kafkaBatch}: an MSK event source mapping's batch on Lambda. Each record's value is decoded and delivered
 * to the module's event function through the same invocation path as a Stream binding's record, in offset order
 * per partition; the batch answers with a partial batch response ({@code batchItemFailures}), naming per partition
 * the first record that failed, so Lambda retries from there (bounded by the mapping) and the partition's order
 * holds. A poison record is logged and acknowledged, never retried. The invocation is flushed once, at the end.
 *
 * <p>The function is the one {@code shop.function} names ({@code SHOP_FUNCTION}, set per Lambda), else the
 * module's consumer of the record's topic.
 */
public class KafkaBatchFunction implements Function<Message<byte[]>, Map<String, Object>> {

    /** The bean name Terraform sets as {@code SPRING_CLOUD_FUNCTION_DEFINITION} for every consumer Lambda. */
    public static final String NAME = "kafkaBatch";

    private static final Logger log = LoggerFactory.getLogger(KafkaBatchFunction.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Invocations invocations;
    private final String function;

    /** The Lambda's entry point: the function {@code shop.function} names, else the topic's consumer. */
    @Autowired
    public KafkaBatchFunction(Invocations invocations, Environment environment) {
        this(invocations, environment.getProperty("shop.function"));
    }

    /** @param function the event function to deliver to, or null to find it by topic */
    public KafkaBatchFunction(Invocations invocations, String function) {
        this.invocations = invocations;
        this.function = function;
    }

    /** An MSK event, as Lambda sends it: records grouped by {@code <topic>-<partition>}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MskEvent(String eventSource, String eventSourceArn, Map<String, List<MskRecord>> records) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MskRecord(String topic, int partition, long offset, long timestamp, String key, String value) {
    }

    @Override
    public Map<String, Object> apply(Message<byte[]> message) {
        MskEvent event;
        try {
            event = JSON.readValue(message.getPayload(), MskEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the invocation is not an MSK event", e);
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        try {
            Map<String, List<MskRecord>> partitions = event.records() == null ? Map.of() : event.records();
            partitions.forEach((topicPartition, records) -> deliverPartition(topicPartition, records, failures));
        } finally {
            invocations.afterInvocation();
        }
        return Map.of("batchItemFailures", failures);
    }

    private void deliverPartition(String topicPartition, List<MskRecord> records, List<Map<String, Object>> failures) {
        List<MskRecord> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparingLong(MskRecord::offset));
        for (MskRecord record : ordered) {
            byte[] value;
            try {
                value = record.value() == null ? new byte[0] : Base64.getDecoder().decode(record.value());
            } catch (IllegalArgumentException e) {
                log.warn("{} offset {}: value is not base64; poison record acknowledged", topicPartition,
                        record.offset());
                continue;
            }
            try {
                EventOutcome outcome = invocations.deliver(target(record.topic()), value, Trigger.KAFKA);
                if (outcome instanceof EventOutcome.Rejected rejected) {
                    log.warn("{} offset {}: poison record acknowledged, not retried: {}", topicPartition,
                            record.offset(), rejected.reason());
                }
            } catch (RuntimeException e) {
                log.warn("{} offset {} failed; Lambda retries the partition from here: {}", topicPartition,
                        record.offset(), e.toString());
                Map<String, Object> identifier = new LinkedHashMap<>();
                identifier.put("topic-partition", topicPartition);
                identifier.put("offset", record.offset());
                failures.add(Map.of("itemIdentifier", identifier));
                return;
            }
        }
    }

    private String target(String topic) {
        if (function != null && !function.isBlank()) {
            return function;
        }
        return invocations.eventFunctionOfTopic(topic).map(EventFunction::name)
                .orElseThrow(() -> new IllegalStateException("no event function of this module consumes " + topic));
    }
}
