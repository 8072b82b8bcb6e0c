package dev.shop.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.eval.AssistantEvaluation;
import dev.shop.assistant.eval.DevSet;
import dev.shop.assistant.execute.ShopApi;
import dev.shop.local.servers.SharedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The assistant's evaluation runner on the whole stack (no demo data), when the dev set is there:
 * {@code ../shared/assistant-eval} relative to the repository root (or {@code -Dassistant.eval.dir}). Loads the
 * set's catalog and stock through the public API, runs every parsing case and end-to-end task, prints intent
 * accuracy, clarification accuracy and task completion with every failure, and holds the targets (95%).
 */
class AssistantEvaluationTest {

    private static final String TOKEN = "assistant-evaluation-test-token";

    private static LocalStack.Running stack;

    @Test
    void assistantReachesTheTargetsOnTheDevSet() throws Exception {
        Path data = devSet();
        assumeTrue(data != null && DevSet.exists(data), "no evaluation set at ../shared/assistant-eval");
        String database = "assistant_eval_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        stack = LocalStack.start(SharedServers.get(), new LocalStack.Options(0, TOKEN, false, database, Map.of()),
                Progress.to(System.err));
        ShopApi api = new ShopApi(stack.uri().toString(), new ObjectMapper(), TOKEN, 4, Duration.ofMillis(200));

        long started = System.nanoTime();
        AssistantEvaluation.load(api, data);
        AssistantEvaluation.Result result = AssistantEvaluation.evaluate(api, data, true);
        System.out.printf("evaluated %s in %d s%n", data, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        result.print(System.out);

        assertThat(result.intentAccuracy()).as("intent accuracy; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(result.taskCompletion()).as("task completion; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.95);
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
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("functions/functions.json"))) {
                Path root = p.getParent();
                return root == null ? null : root.resolve("shared/assistant-eval");
            }
        }
        return null;
    }
}
