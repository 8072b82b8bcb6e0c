package dev.shop.knative.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.shop.knative.manifests.KnativeManifests;
import dev.shop.runtime.manifest.FunctionManifest;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The deploy command against fabric8's Kubernetes mock server, which stores what it is sent (CRUD mode). */
@EnableKubernetesMockClient(crud = true)
class DeployCommandTest {

    KubernetesClient client;

    @Test
    void appliesEveryServiceAndKafkaSourceTheManifestNames() {
        int exit = new CommandLine(new DeployCommand(() -> client)).execute("--namespace", "shop-test");

        KnativeClient knative = client.adapt(KnativeClient.class);
        FunctionManifest manifest = FunctionManifest.load();
        assertThat(exit).isZero();
        assertThat(knative.services().inNamespace("shop-test").list().getItems())
                .extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(manifest.modules().keySet().stream()
                        .map(KnativeManifests::serviceName).toList());
        long consumed = manifest.functions().stream().mapToLong(f -> f.consumes().size()).sum();
        assertThat(knative.kafkasSources().inNamespace("shop-test").list().getItems()).hasSize((int) consumed);
        KafkaSource invalidate = knative.kafkasSources().inNamespace("shop-test")
                .withName("invalidate-product-cache-product-events").get();
        assertThat(invalidate.getSpec().getConsumerGroup()).isEqualTo("invalidateProductCache");
    }

    @Test
    void updatesWhatAnEarlierDeployCreated() {
        new CommandLine(new DeployCommand(() -> client)).execute("--namespace", "shop-test", "--tag", "v1");
        int exit = new CommandLine(new DeployCommand(() -> client)).execute("--namespace", "shop-test", "--tag", "v2");

        Service cart = client.adapt(KnativeClient.class).services().inNamespace("shop-test").withName("shop-cart").get();
        assertThat(exit).isZero();
        assertThat(cart.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith(":v2");
    }

    @Test
    void printsTheYamlAndAppliesNothingOnDryRun() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new DeployCommand(() -> client)).execute("--namespace", "dry", "--dry-run");
        } finally {
            System.setOut(original);
        }

        assertThat(exit).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("kind: Service").contains("kind: KafkaSource")
                .contains("namespace: dry");
        assertThat(client.adapt(KnativeClient.class).services().inNamespace("dry").list().getItems()).isEmpty();
    }

    @Test
    void describesItselfOnHelp() {
        StringBuilderWriter help = new StringBuilderWriter();
        int exit = new CommandLine(new DeployCommand(() -> client)).setOut(help.writer()).execute("--help");

        assertThat(exit).isZero();
        assertThat(help.text()).contains("--dry-run").contains("--namespace");
    }

    private static final class StringBuilderWriter {
        private final java.io.StringWriter text = new java.io.StringWriter();

        java.io.PrintWriter writer() {
            return new java.io.PrintWriter(text, true);
        }

        String text() {
            return text.toString();
        }
    }
}
