package dev.shop.assistant.eval;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The parser alone on the shared evaluation set (../../shared/assistant-eval or -Dassistant.eval.dir),
 * skipped when the set is not there. Prints intent and clarification accuracy, per-action results and every
 * failing case.
 */
class ParserDevSetEvaluationTest {

    static Path folder() {
        String configured = System.getProperty("assistant.eval.dir", System.getenv("ASSISTANT_EVAL_DIR"));
        if (configured != null) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/assistant-eval");
            if (DevSet.exists(candidate)) {
                return candidate;
            }
            Path sibling = p.resolveSibling("shared").resolve("assistant-eval");
            if (DevSet.exists(sibling)) {
                return sibling;
            }
        }
        return null;
    }

    @Test
    void parserReachesTheAccuracyTargetsOnTheDevSet() {
        Path folder = folder();
        assumeTrue(DevSet.exists(folder), "no evaluation set found");
        ParserEvaluation.Result result = ParserEvaluation.run(folder);
        System.out.println("== dev set " + folder);
        result.print(System.out);
        assertThat(result.intentAccuracy()).as("intent accuracy").isGreaterThanOrEqualTo(0.97);
        assertThat(result.clarificationAccuracy()).as("clarification accuracy").isGreaterThanOrEqualTo(0.95);
    }
}
