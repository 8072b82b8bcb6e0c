package dev.shop.knative.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.manifest.FunctionManifest.FunctionSpec;
import org.junit.jupiter.api.Test;

/** The generated Knative resources against the real {@code functions.json}: nothing in it may be left out. */
class KnativeManifestsTest {

    private final FunctionManifest manifest = FunctionManifest.load();
    private final KnativeManifests knative = new KnativeManifests(manifest, KnativeManifests.Settings.defaults());

    @Test
    void servesEveryManifestFunctionFromItsModulesService() {
        for (FunctionSpec function : manifest.functions()) {
            Map<String, Object> service = find("Service", KnativeManifests.serviceName(function.module()));
            String served = (String) annotations(service).get(KnativeManifests.FUNCTIONS_ANNOTATION);
            assertThat(List.of(served.split(","))).as(function.name()).contains(function.name());
        }
    }

    @Test
    void deliversEveryConsumedTopicToItsConsumerAsCloudEvents() {
        for (FunctionSpec function : manifest.functions()) {
            for (String topic : function.consumes()) {
                Map<String, Object> spec = spec(find("KafkaSource", KnativeManifests.sourceName(function, topic)));
                assertThat(spec.get("topics")).isEqualTo(List.of(manifest.topicName(topic)));
                assertThat(spec.get("consumerGroup")).isEqualTo(function.consumerGroup());
                Map<?, ?> sink = (Map<?, ?>) spec.get("sink");
                assertThat(sink.get("uri")).isEqualTo("/cloudevents/" + function.name());
                assertThat(((Map<?, ?>) sink.get("ref")).get("name"))
                        .isEqualTo(KnativeManifests.serviceName(function.module()));
            }
        }
    }

    @Test
    void sizesEachServiceForItsLargestFunction() {
        Map<String, Object> catalog = find("Service", "shop-catalog");
        int largest = manifest.functionsOf("catalog").stream().mapToInt(FunctionSpec::memoryMb).max().orElseThrow();

        assertThat(catalog.toString()).contains("limits={memory=" + largest + "Mi}");
    }

    @Test
    void scalesToZeroUnlessStateLivesInMemory() {
        assertThat(templateAnnotations(find("Service", "shop-cart")))
                .containsEntry("autoscaling.knative.dev/min-scale", "0");
        // The assistant's product index is in memory (every-instance delivery): it keeps one pod.
        assertThat(templateAnnotations(find("Service", "shop-assistant")))
                .containsEntry("autoscaling.knative.dev/min-scale", "1");
    }

    @Test
    void writesOneYamlDocumentPerResource() {
        String yaml = knative.yaml();

        assertThat(yaml.split("(?m)^---$")).hasSize(knative.resources().size() + 1);
        assertThat(yaml).contains("kind: KafkaSource").contains("apiVersion: serving.knative.dev/v1");
    }

    private Map<String, Object> find(String kind, String name) {
        return knative.resources().stream()
                .filter(r -> kind.equals(r.get("kind")) && name.equals(((Map<?, ?>) r.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("spec");
    }

    private static Map<?, ?> annotations(Map<String, Object> resource) {
        return (Map<?, ?>) ((Map<?, ?>) resource.get("metadata")).get("annotations");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> templateAnnotations(Map<String, Object> service) {
        Map<?, ?> template = (Map<?, ?>) spec(service).get("template");
        return (Map<String, Object>) ((Map<?, ?>) template.get("metadata")).get("annotations");
    }
}
