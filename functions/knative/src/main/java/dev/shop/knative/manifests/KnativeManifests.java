package dev.shop.knative.manifests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.shop.knative.server.KnativeHttpServer;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.manifest.FunctionManifest.FunctionSpec;

/**
 * The Knative resources of the whole shop, derived from {@code functions.json} alone: one scale-to-zero Knative
 * {@code Service} per module (its image serves every function of the module, as its Lambda jar does), and one
 * Knative Eventing {@code KafkaSource} per consumer function and topic, delivering each record as a CloudEvent to
 * {@code /cloudevents/<function>} of its module's Service in the function's own consumer group.
 *
 * <p>A module's memory limit is the largest of its functions' {@code memoryMb}; its request timeout the longest
 * {@code timeoutSeconds}. Settings come from a ConfigMap and the secrets from a Secret the operator creates
 * ({@link #CONFIG_MAP}, {@link #SECRET}), never from the generated YAML.
 */
public final class KnativeManifests {

    public static final String CONFIG_MAP = "shop-config";
    public static final String SECRET = "shop-secrets";
    /** Annotation listing the manifest functions a Service serves. */
    public static final String FUNCTIONS_ANNOTATION = "shop.dev/functions";

    /** Deployment settings that are not the manifest's: where images live, how many requests a pod takes. */
    public record Settings(String namespace, String imageRegistry, String imageTag, String kafkaBootstrap,
                           int containerConcurrency, int maxScale) {

        public static Settings defaults() {
            return new Settings("shop", "registry.local/shop", "latest", "kafka-bootstrap.kafka:9092", 50, 10);
        }
    }

    private final FunctionManifest manifest;
    private final Settings settings;

    public KnativeManifests(FunctionManifest manifest, Settings settings) {
        this.manifest = manifest;
        this.settings = settings;
    }

    /** Every resource, Services first so that each source's sink exists when it is applied. */
    public List<Map<String, Object>> resources() {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String module : manifest.modules().keySet()) {
            resources.add(service(module));
        }
        for (FunctionSpec function : manifest.functions()) {
            for (String topic : function.consumes()) {
                resources.add(kafkaSource(function, topic));
            }
        }
        return resources;
    }

    /** The resources as one multi-document YAML stream, as {@code kubectl apply -f} takes it. */
    public String yaml() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> resource : resources()) {
            try {
                out.append("---\n").append(yaml.writeValueAsString(resource));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("resource could not be written as YAML", e);
            }
        }
        return out.toString();
    }

    public static String serviceName(String module) {
        return "shop-" + module;
    }

    /** A Kubernetes name for a consumer's source of one topic: lower case, dashes. */
    public static String sourceName(FunctionSpec function, String topic) {
        return (function.name().replaceAll("([a-z0-9])([A-Z])", "$1-$2") + "-" + topic).toLowerCase();
    }

    private Map<String, Object> service(String module) {
        List<FunctionSpec> functions = manifest.functionsOf(module);
        int memoryMb = functions.stream().mapToInt(FunctionSpec::memoryMb).max().orElse(512);
        int timeout = functions.stream().mapToInt(FunctionSpec::timeoutSeconds).max().orElse(30);
        boolean inMemoryState = functions.stream().anyMatch(FunctionSpec::everyInstance);
        boolean scheduled = functions.stream().anyMatch(f -> f.schedule() != null);

        Map<String, Object> annotations = new LinkedHashMap<>();
        // Scale to zero, unless the module holds state in memory or runs a local schedule: those keep one pod.
        annotations.put("autoscaling.knative.dev/min-scale", inMemoryState || scheduled ? "1" : "0");
        annotations.put("autoscaling.knative.dev/max-scale", Integer.toString(settings.maxScale()));
        annotations.put("autoscaling.knative.dev/target", Integer.toString(settings.containerConcurrency()));

        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", module);
        container.put("image", settings.imageRegistry() + "/" + manifest.module(module).artifact() + ":"
                + settings.imageTag());
        container.put("ports", List.of(Map.of("containerPort", 8080, "name", "http1")));
        container.put("env", List.of(
                Map.of("name", "SHOP_MODULE", "value", module),
                Map.of("name", "SHOP_RUNTIME_MODE", "value", "LONG_RUNNING"),
                Map.of("name", "SHOP_KAFKA_BOOTSTRAP", "value", settings.kafkaBootstrap())));
        container.put("envFrom", List.of(
                Map.of("configMapRef", Map.of("name", CONFIG_MAP)),
                Map.of("secretRef", Map.of("name", SECRET))));
        container.put("resources", Map.of(
                "requests", Map.of("memory", memoryMb + "Mi", "cpu", "250m"),
                "limits", Map.of("memory", memoryMb + "Mi")));
        container.put("readinessProbe", Map.of("httpGet", Map.of("path", KnativeHttpServer.HEALTH_PATH)));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("containerConcurrency", settings.containerConcurrency());
        spec.put("timeoutSeconds", timeout);
        spec.put("containers", List.of(container));

        Map<String, Object> template = new LinkedHashMap<>();
        template.put("metadata", Map.of("annotations", annotations));
        template.put("spec", spec);

        Map<String, Object> metadata = metadata(serviceName(module));
        metadata.put("annotations", Map.of(FUNCTIONS_ANNOTATION, String.join(",",
                new TreeSet<>(functions.stream().map(FunctionSpec::name).toList()))));
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("apiVersion", "serving.knative.dev/v1");
        service.put("kind", "Service");
        service.put("metadata", metadata);
        service.put("spec", Map.of("template", template));
        return service;
    }

    private Map<String, Object> kafkaSource(FunctionSpec function, String topic) {
        Map<String, Object> sink = new LinkedHashMap<>();
        sink.put("ref", Map.of("apiVersion", "serving.knative.dev/v1", "kind", "Service",
                "name", serviceName(function.module())));
        sink.put("uri", KnativeHttpServer.CLOUD_EVENTS_PATH + function.name());

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("bootstrapServers", List.of(settings.kafkaBootstrap()));
        spec.put("topics", List.of(manifest.topicName(topic)));
        // Each consumer keeps its own group on every platform; retries and dead letters are Knative's delivery.
        spec.put("consumerGroup", function.consumerGroup());
        spec.put("initialOffset", "earliest");
        spec.put("delivery", Map.of("retry", 5, "backoffPolicy", "exponential", "backoffDelay", "PT0.5S"));
        spec.put("sink", sink);

        Map<String, Object> source = new LinkedHashMap<>();
        source.put("apiVersion", "sources.knative.dev/v1beta1");
        source.put("kind", "KafkaSource");
        Map<String, Object> metadata = metadata(sourceName(function, topic));
        metadata.put("labels", Map.of("shop.dev/function", function.name(), "shop.dev/topic", topic));
        source.put("metadata", metadata);
        source.put("spec", spec);
        return source;
    }

    private Map<String, Object> metadata(String name) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", settings.namespace());
        return metadata;
    }
}
