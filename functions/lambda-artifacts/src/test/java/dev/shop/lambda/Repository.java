package dev.shop.lambda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the tests find the repository, its Lambda jars and the runtime's libraries (set by the build). */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("shop.repository-root", "../..")).toAbsolutePath().normalize();
    static final Path RUNTIME_LIBRARIES = Path.of(System.getProperty("shop.lambda-runtime", "target/lambda-runtime"));
    static final Path WORK = Path.of(System.getProperty("shop.lambda-work", "target/lambda-work")).toAbsolutePath();
    /** AWS's own event formats, as published with its Java Lambda libraries (a copy lives in the runtime-aws tests). */
    static final Path AWS_EVENTS = Path.of(System.getProperty("shop.aws-events",
            ROOT.resolve("functions/runtime-aws/src/test/resources/events/aws").toString()));

    private Repository() {
    }

    static List<LambdaArtifact> artifacts() {
        return LambdaArtifact.of(ROOT);
    }

    static boolean hasAwsEvents() {
        return Files.isRegularFile(AWS_EVENTS.resolve("apigw_http_event.json"));
    }
}
