package dev.shop.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import dev.shop.runtime.manifest.FunctionManifest;

/**
 * A manifest module's Lambda artifact: the jar Terraform deploys every function of the module from
 * ({@code functions/<module>/target/<artifact>-<version>-aws.jar}), the application it boots ({@code MAIN_CLASS}) and
 * the function bean its HTTP Lambdas run ({@code SPRING_CLOUD_FUNCTION_DEFINITION}).
 *
 * @param memoryMb the largest {@code memoryMb} of the module's HTTP functions (what its HTTP Lambdas get)
 */
public record LambdaArtifact(String module, String artifact, String application, String httpHandler, Path jar,
                             int memoryMb) {

    /** The handler every function's Lambda runs (Terraform's {@code handler}). */
    public static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";
    /** The manifest, relative to the repository root. */
    public static final Path MANIFEST = Path.of("functions", "functions.json");

    /** Every module of the repository's manifest, by name, with the jar path of this build's version. */
    public static List<LambdaArtifact> of(Path repositoryRoot) {
        return of(repositoryRoot, buildVersion());
    }

    public static List<LambdaArtifact> of(Path repositoryRoot, String version) {
        FunctionManifest manifest;
        try (InputStream in = Files.newInputStream(repositoryRoot.resolve(MANIFEST))) {
            manifest = FunctionManifest.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + repositoryRoot.resolve(MANIFEST), e);
        }
        return manifest.modules().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> {
                    String module = e.getKey();
                    FunctionManifest.ModuleSpec spec = e.getValue();
                    int memory = manifest.functionsOf(module).stream().filter(f -> !f.http().isEmpty())
                            .mapToInt(FunctionManifest.FunctionSpec::memoryMb).max().orElse(512);
                    Path jar = repositoryRoot.resolve("functions").resolve(module).resolve("target")
                            .resolve(spec.artifact() + "-" + version + "-aws.jar");
                    return new LambdaArtifact(module, spec.artifact(), spec.application(), spec.httpHandler(), jar,
                            memory);
                })
                .sorted(Comparator.comparing(LambdaArtifact::module))
                .toList();
    }

    /** The artifacts whose jar is not there. */
    public static List<LambdaArtifact> missing(List<LambdaArtifact> artifacts) {
        return artifacts.stream().filter(a -> !Files.isRegularFile(a.jar())).toList();
    }

    /** The project version this module was built with: the one in the jars' names. */
    public static String buildVersion() {
        Properties properties = new Properties();
        try (InputStream in = LambdaArtifact.class.getResourceAsStream("lambda-artifacts.properties")) {
            if (in == null) {
                throw new IllegalStateException("lambda-artifacts.properties is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
