package dev.shop.lambda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module of the manifest has the Lambda jar Terraform deploys its functions from, and that jar holds what
 * those Lambdas run: the handler, the module's application, the function bean its HTTP Lambdas name, and the
 * Spring resources every dependency contributes, merged rather than overwritten by the last jar shaded in.
 */
class LambdaArtifactsTest {

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
    void jarHoldsHandlerApplicationAndHttpFunction(LambdaArtifact artifact) {
        try (LambdaJar jar = LambdaJar.open(artifact.jar())) {
            assertThat(jar.hasClass("org.springframework.cloud.function.adapter.aws.FunctionInvoker")).isTrue();
            assertThat(jar.hasClass(artifact.application())).as("MAIN_CLASS " + artifact.application()).isTrue();
            String applicationPackage = artifact.application().substring(0, artifact.application().lastIndexOf('.'));
            Set<String> beans = jar.beanNames(applicationPackage);
            assertThat(beans).as("function beans of " + artifact.module()).contains(artifact.httpHandler());
            assertThat(jar.manifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("artifacts")
    void jarMergesSpringResourcesOfEveryDependency(LambdaArtifact artifact) {
        try (LambdaJar jar = LambdaJar.open(artifact.jar())) {
            assertThat(jar.resource("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
                    .as("auto-configurations of Boot, Spring Cloud Function and the shop runtime").hasValueSatisfying(imports ->
                            assertThat(imports).contains(
                                    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                                    "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration",
                                    "dev.shop.runtime.config.RuntimeAutoConfiguration"));
            assertThat(jar.resource("META-INF/spring.factories"))
                    .as("one key, the entries of spring-boot and of its auto-configure").hasValueSatisfying(factories ->
                            assertThat(factories).contains(
                                    "org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor",
                                    "org.springframework.boot.autoconfigure.integration.IntegrationPropertiesEnvironmentPostProcessor",
                                    "org.springframework.boot.autoconfigure.condition.OnClassCondition"));
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
