package dev.shop.runtime.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one manifest of deployable functions ({@code functions/functions.json}): routes, topics, memory and
 * timeout. The local gateway routes from it, metering prices with it and Terraform deploys from it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionManifest(Map<String, TopicSpec> topics, Map<String, ModuleSpec> modules,
                               List<FunctionSpec> functions) {

    public static final String RESOURCE = "shop/functions.json";

    public FunctionManifest {
        topics = Map.copyOf(topics);
        modules = Map.copyOf(modules);
        functions = List.copyOf(functions);
        for (FunctionSpec f : functions) {
            if (!modules.containsKey(f.module())) {
                throw new IllegalArgumentException("function " + f.name() + " names unknown module " + f.module());
            }
            for (String topic : f.consumes()) {
                requireTopic(topics, f, topic);
            }
            for (String topic : f.produces()) {
                requireTopic(topics, f, topic);
            }
        }
    }

    public static FunctionManifest load() {
        try (InputStream in = FunctionManifest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FunctionManifest read(InputStream in) throws IOException {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(in, FunctionManifest.class);
    }

    public Optional<FunctionSpec> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<FunctionSpec> functionsOf(String module) {
        return functions.stream().filter(f -> f.module().equals(module)).toList();
    }

    public ModuleSpec module(String name) {
        ModuleSpec module = modules.get(name);
        if (module == null) {
            throw new IllegalArgumentException("no module " + name + " in the function manifest");
        }
        return module;
    }

    /** The event types a consumer of the logical topic may see there, by versioned name. */
    public List<String> carriedBy(String topicKey) {
        TopicSpec topic = topics.get(topicKey);
        return topic == null || topic.carries() == null ? List.of() : topic.carries();
    }

    /** The Kafka topic name for a logical topic key such as {@code product-events}. */
    public String topicName(String key) {
        TopicSpec topic = topics.get(key);
        if (topic == null) {
            throw new IllegalArgumentException("no topic " + key + " in the function manifest");
        }
        return topic.name();
    }

    /**
     * Where a consumer's events that no retry can fix are set aside: {@code error.<topic>.<group>}, the name Spring
     * Cloud Stream's Kafka binder gives a binding's dead-letter topic, used as well where there is no binder (MSK
     * batches on Lambda).
     */
    public String deadLetterTopic(FunctionSpec consumer, String topicName) {
        return "error." + topicName + "." + consumer.consumerGroup();
    }

    private static void requireTopic(Map<String, TopicSpec> topics, FunctionSpec f, String topic) {
        if (!topics.containsKey(topic)) {
            throw new IllegalArgumentException("function " + f.name() + " names unknown topic " + topic);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopicSpec(String name, int partitions, List<String> carries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModuleSpec(String artifact, String application, String httpHandler) {
    }

    /**
     * @param delivery for a consumer: {@code "group"} (the default: each event reaches one instance of the function,
     *                 in the consumer group {@link #consumerGroup()}) or {@code "every-instance"} (each instance reads
     *                 every event, for state held in memory)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FunctionSpec(String name, String module, int memoryMb, int timeoutSeconds, List<HttpRoute> http,
                               List<String> consumes, List<String> produces, String schedule, String delivery) {

        public static final String EVERY_INSTANCE = "every-instance";

        public FunctionSpec(String name, String module, int memoryMb, int timeoutSeconds, List<HttpRoute> http,
                            List<String> consumes, List<String> produces) {
            this(name, module, memoryMb, timeoutSeconds, http, consumes, produces, null, null);
        }

        public FunctionSpec(String name, String module, int memoryMb, int timeoutSeconds, List<HttpRoute> http,
                            List<String> consumes, List<String> produces, String schedule) {
            this(name, module, memoryMb, timeoutSeconds, http, consumes, produces, schedule, null);
        }

        public FunctionSpec {
            http = http == null ? List.of() : List.copyOf(http);
            consumes = consumes == null ? List.of() : List.copyOf(consumes);
            produces = produces == null ? List.of() : List.copyOf(produces);
            delivery = delivery == null ? "group" : delivery;
            if (memoryMb < 128 || memoryMb > 10240) {
                throw new IllegalArgumentException("function " + name + ": memoryMb must be 128..10240");
            }
            if (!delivery.equals("group") && !delivery.equals(EVERY_INSTANCE)) {
                throw new IllegalArgumentException("function " + name + ": delivery must be group or " + EVERY_INSTANCE);
            }
        }

        /** The Kafka consumer group of a consumer: its name, on every platform. */
        public String consumerGroup() {
            return name;
        }

        public boolean everyInstance() {
            return EVERY_INSTANCE.equals(delivery);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HttpRoute(String method, String path, String auth) {
        public boolean adminOnly() {
            return "admin".equals(auth);
        }

        /** The API Gateway route key, e.g. {@code GET /products/{sku}}. */
        public String routeKey() {
            return method + " " + path;
        }
    }
}
