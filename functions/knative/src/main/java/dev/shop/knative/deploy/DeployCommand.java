package dev.shop.knative.deploy;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import dev.shop.knative.manifests.KnativeManifests;
import dev.shop.runtime.manifest.FunctionManifest;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.sources.v1beta1.KafkaSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.Serialization;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deploy-knative}: applies every module's Knative Service and every consumer's KafkaSource, generated from
 * {@code functions.json}, to the cluster of the current kube context (or prints them with {@code --dry-run}).
 * Applying is create-or-update, so running it again after a manifest change converges the cluster.
 */
@Command(name = "deploy-knative", mixinStandardHelpOptions = true,
        description = "Deploys the shop's functions to Knative: one scale-to-zero Service per module, "
                + "one KafkaSource per consumed topic, all generated from functions.json.")
public final class DeployCommand implements Callable<Integer> {

    @Option(names = "--namespace", defaultValue = "shop", description = "Namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = "--registry", defaultValue = "registry.local/shop",
            description = "Image registry the Jib images were pushed to (default: ${DEFAULT-VALUE}).")
    String registry;

    @Option(names = "--tag", defaultValue = "latest", description = "Image tag (default: ${DEFAULT-VALUE}).")
    String tag;

    @Option(names = "--kafka-bootstrap", defaultValue = "kafka-bootstrap.kafka:9092",
            description = "Kafka bootstrap servers, for the functions and the KafkaSources (default: ${DEFAULT-VALUE}).")
    String kafkaBootstrap;

    @Option(names = "--container-concurrency", defaultValue = "50",
            description = "Requests one pod takes at once (default: ${DEFAULT-VALUE}).")
    int containerConcurrency;

    @Option(names = "--max-scale", defaultValue = "10", description = "Pods per Service at most (default: ${DEFAULT-VALUE}).")
    int maxScale;

    @Option(names = "--dry-run", description = "Print the YAML instead of applying it.")
    boolean dryRun;

    private final Supplier<KubernetesClient> clients;
    private final boolean ownsClient;

    /** With the kube config of the environment ({@code KUBECONFIG}, {@code ~/.kube/config}, in-cluster). */
    public DeployCommand() {
        this(() -> new KubernetesClientBuilder().build(), true);
    }

    /** With the caller's client, which the caller closes. */
    public DeployCommand(Supplier<KubernetesClient> clients) {
        this(clients, false);
    }

    private DeployCommand(Supplier<KubernetesClient> clients, boolean ownsClient) {
        this.clients = clients;
        this.ownsClient = ownsClient;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DeployCommand()).execute(args));
    }

    @Override
    public Integer call() {
        KnativeManifests manifests = new KnativeManifests(FunctionManifest.load(),
                new KnativeManifests.Settings(namespace, registry, tag, kafkaBootstrap, containerConcurrency, maxScale));
        PrintWriter out = new PrintWriter(System.out, true);
        if (dryRun) {
            out.print(manifests.yaml());
            out.flush();
            return 0;
        }
        KubernetesClient client = clients.get();
        try {
            KnativeClient knative = client.adapt(KnativeClient.class);
            for (Map<String, Object> resource : manifests.resources()) {
                String json = Serialization.asJson(resource);
                switch ((String) resource.get("kind")) {
                    case "Service" -> knative.services().inNamespace(namespace)
                            .resource(Serialization.unmarshal(json, Service.class))
                            .createOr(NonDeletingOperation::update);
                    case "KafkaSource" -> knative.kafkasSources().inNamespace(namespace)
                            .resource(Serialization.unmarshal(json, KafkaSource.class))
                            .createOr(NonDeletingOperation::update);
                    default -> throw new IllegalStateException("no way to apply " + resource.get("kind"));
                }
                out.println("applied " + resource.get("kind") + " " + ((Map<?, ?>) resource.get("metadata")).get("name"));
            }
        } finally {
            if (ownsClient) {
                client.close();
            }
        }
        return 0;
    }
}
