package dev.shop.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module of the manifest has the Lambda jar Terraform deploys its functions from, and that jar holds what
 * those Lambdas run: the handler, the module's application, every function the manifest deploys from it, and the
 * Spring resources every dependency contributes, merged rather than overwritten by the last jar shaded in.
 */
class LambdaArtifactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTO_CONFIGURATIONS =
            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";
    private static final String AWS_RUNTIME = "dev.shop.runtime.aws.AwsRuntimeAutoConfiguration";

    static List<LambdaArtifact> artifacts() {
        return Repository.artifacts();
    }

    @Test
    void everyManifestModuleHasLambdaJar() {
        List<LambdaArtifact> artifacts = artifacts();

        assertThat(artifacts).extracting(LambdaArtifact::module)
                .containsExactlyInAnyOrder("assistant", "cart", "catalog", "checkout", "inventory", "order", "payment");
        assertThat(LambdaArtifact.missing(artifacts)).as("modules whose Lambda jar ./mvnw package did not write")
                .isEmpty();
    }

    @Test
    void reportsModuleWithoutJar(@TempDir Path root) throws Exception {
        Path manifest = root.resolve(LambdaArtifact.MANIFEST);
        Files.createDirectories(manifest.getParent());
        Files.copy(Repository.ROOT.resolve(LambdaArtifact.MANIFEST), manifest);
        Path catalogJar = root.resolve("functions/catalog/target/shop-catalog-1.0-aws.jar");
        Files.createDirectories(catalogJar.getParent());
        Files.write(catalogJar, new byte[0]);

        List<LambdaArtifact> missing = LambdaArtifact.missing(LambdaArtifact.of(root, "1.0"));

        assertThat(missing).extracting(LambdaArtifact::module).doesNotContain("catalog").contains("cart", "assistant");
        assertThat(missing).extracting(a -> root.relativize(a.jar()).toString())
                .contains("functions/cart/target/shop-cart-1.0-aws.jar");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("artifacts")
    void jarHoldsHandlerAndApplication(LambdaArtifact artifact) {
        try (LambdaJar jar = LambdaJar.open(artifact.jar())) {
            assertThat(jar.hasClass("org.springframework.cloud.function.adapter.aws.FunctionInvoker")).isTrue();
            assertThat(jar.hasClass(artifact.application())).as("MAIN_CLASS " + artifact.application()).isTrue();
            assertThat(jar.manifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
        }
    }

    /**
     * What Terraform sets as {@code SPRING_CLOUD_FUNCTION_DEFINITION} for each of the module's Lambdas names a
     * function the jar defines: its {@code @Bean} methods, and the HTTP handler and {@code kafkaBatch} the AWS runtime
     * registers for the module its {@code application.yml} names, from the manifest inside the jar.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("artifacts")
    void jarDefinesEveryFunctionTheManifestDeploysFromIt(LambdaArtifact artifact) throws IOException {
        JsonNode manifest = JSON.readTree(Repository.ROOT.resolve(LambdaArtifact.MANIFEST).toFile());
        try (LambdaJar jar = LambdaJar.open(artifact.jar())) {
            Set<String> defined = new TreeSet<>(jar.beanNames("dev.shop"));
            boolean awsRuntime = jar.resource(AUTO_CONFIGURATIONS).orElse("").contains(AWS_RUNTIME);
            assertThat(awsRuntime).as(AWS_RUNTIME + " among the jar's auto-configurations").isTrue();
            JsonNode bundled = JSON.readTree(jar.resource("shop/functions.json").orElseThrow());
            assertThat(bundled).as("the manifest in the jar, which the function routes by").isEqualTo(manifest);
            Map<?, ?> config = new Yaml().load(jar.resource("application.yml").orElseThrow());
            String module = String.valueOf(((Map<?, ?>) config.get("shop")).get("module"));
            assertThat(module).as("shop.module of the jar's application.yml").isEqualTo(artifact.module());
            defined.add(bundled.path("modules").path(module).path("httpHandler").asText());
            defined.add("kafkaBatch");

            Set<String> deployed = new TreeSet<>(Set.of("migrateModule", "sweepOutbox"));
            for (JsonNode function : manifest.path("functions")) {
                if (!function.path("module").asText().equals(artifact.module())) {
                    continue;
                }
                if (!function.path("http").isEmpty()) {
                    deployed.add(artifact.httpHandler());
                } else if (!function.path("consumes").isEmpty()) {
                    deployed.add("kafkaBatch");
                    deployed.add(function.path("name").asText()); // SHOP_FUNCTION
                } else {
                    deployed.add(function.path("name").asText());
                }
            }
            assertThat(defined).as("functions defined in " + artifact.jar().getFileName()).containsAll(deployed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("artifacts")
    void jarMergesSpringResourcesOfEveryDependency(LambdaArtifact artifact) {
        try (LambdaJar jar = LambdaJar.open(artifact.jar())) {
            assertThat(jar.resource(AUTO_CONFIGURATIONS))
                    .as("auto-configurations of Boot, Spring Cloud Function, and the shop runtime's core and AWS jars")
                    .hasValueSatisfying(imports -> assertThat(imports).contains(
                            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                            "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration",
                            "dev.shop.runtime.config.RuntimeAutoConfiguration", AWS_RUNTIME));
            assertThat(jar.resource("META-INF/spring.factories"))
                    .as("one key, the entries of spring-boot and of its auto-configure").hasValueSatisfying(factories ->
                            assertThat(factories).contains(
                                    "org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor",
                                    "org.springframework.boot.autoconfigure.integration.IntegrationPropertiesEnvironmentPostProcessor",
                                    "org.springframework.boot.autoconfigure.condition.OnClassCondition",
                                    "dev.shop.runtime.config.ShopEnvironment",
                                    "dev.shop.runtime.aws.SecretsManagerEnvironment"));
            assertThat(jar.resource("META-INF/services/org.flywaydb.core.extensibility.Plugin"))
                    .as("Flyway's plugins, core and PostgreSQL support").hasValueSatisfying(plugins -> assertThat(plugins)
                            .contains("org.flywaydb.database.postgresql.PostgreSQLDatabaseType")
                            .contains("org.flywaydb.core.internal.command.clean.CleanModeConfigurationExtension"));
            assertThat(jar.resource("META-INF/services/java.sql.Driver")).hasValueSatisfying(drivers ->
                    assertThat(drivers).contains("org.postgresql.Driver"));
            assertThat(jar.resource("META-INF/spring-autoconfigure-metadata.properties")).hasValueSatisfying(metadata ->
                    assertThat(metadata).contains("org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
                            .contains("org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("artifacts")
    void jarLeavesOutNativeLibrariesLambdaCannotLoad(LambdaArtifact artifact) {
        try (LambdaJar jar = LambdaJar.open(artifact.jar())) {
            assertThat(jar.resource("linux/amd64/libzstd-jni-1.5.6-4.so")).isPresent();
            assertThat(jar.resource("win/amd64/libzstd-jni-1.5.6-4.dll")).isEmpty();
            assertThat(jar.resource("org/xerial/snappy/native/Linux/aarch64/libsnappyjava.so")).isPresent();
            assertThat(jar.resource("org/xerial/snappy/native/Mac/x86_64/libsnappyjava.dylib")).isEmpty();
        }
    }
}
