package dev.shop.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.eval.AssistantEvaluation;
import dev.shop.assistant.eval.DevSet;
import dev.shop.assistant.shop.ShopApi;
import dev.shop.local.servers.SharedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The assistant's evaluation runner on the whole stack (no demo data): loads a set's catalog and stock through the
 * public API, runs every parsing case and end-to-end task, prints intent accuracy, clarification accuracy, task
 * completion, per-action results and every failure, and holds the targets (97%, clarifications 95%). First the
 * shared dev set when it is there ({@code ../shared/assistant-eval} relative to the repository root, or
 * {@code -Dassistant.eval.dir}), then the assistant's own held-out split
 * ({@code functions/assistant/src/test/resources/assistant-set/held-out}), on one stack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssistantEvaluationTest {

    private static final String TOKEN = "assistant-evaluation-test-token";

    private static LocalStack.Running stack;
    private static ShopApi api;

    @BeforeAll
    static void start() throws Exception {
        String database = "assistant_eval_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        stack = LocalStack.start(SharedServers.get(), new LocalStack.Options(0, TOKEN, false, database, Map.of()),
                Progress.to(System.err));
        api = new ShopApi(stack.uri().toString(), new ObjectMapper(), TOKEN, 4, Duration.ofMillis(200));
    }

    @Test
    @Order(1)
    void assistantReachesTheTargetsOnTheDevSet() {
        Path data = devSet();
        assumeTrue(data != null && DevSet.exists(data), "no evaluation set at ../shared/assistant-eval");
        AssistantEvaluation.Result result = evaluate(data);

        assertThat(result.intentAccuracy()).as("intent accuracy; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.97);
        assertThat(result.clarificationAccuracy()).as("clarification accuracy; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(result.taskCompletion()).as("task completion; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.97);
    }

    @Test
    @Order(2)
    void assistantReachesTheTargetsOnItsHeldOutSplit() {
        Path data = repositoryRoot().resolve("functions/assistant/src/test/resources/assistant-set/held-out");
        assertThat(DevSet.exists(data)).as("the held-out split at %s", data).isTrue();
        AssistantEvaluation.Result result = evaluate(data);

        assertThat(result.intentAccuracy()).as("intent accuracy; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.97);
        assertThat(result.clarificationAccuracy()).as("clarification accuracy; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(result.taskCompletion()).as("task completion; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.97);
    }

    private static AssistantEvaluation.Result evaluate(Path data) {
        long started = System.nanoTime();
        AssistantEvaluation.load(api, data);
        AssistantEvaluation.Result result = AssistantEvaluation.evaluate(api, data, true);
        System.out.printf("evaluated %s in %d s%n", data, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        result.print(System.out);
        return result;
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** {@code -Dassistant.eval.dir}, else {@code ../shared/assistant-eval} next to the repository root. */
    static Path devSet() {
        String configured = System.getProperty("assistant.eval.dir", System.getenv("ASSISTANT_EVAL_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = repositoryRoot().getParent();
        return root == null ? null : root.resolve("shared/assistant-eval");
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("functions/functions.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside the repository: " + Path.of("").toAbsolutePath());
    }
}
