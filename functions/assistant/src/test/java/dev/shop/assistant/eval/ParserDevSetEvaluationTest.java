package dev.shop.assistant.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.ProductIndex;
import dev.shop.assistant.parser.IntentParser;
import dev.shop.assistant.parser.ParseResult;
import dev.shop.assistant.parser.SessionContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The parser alone on the shared evaluation set (../../shared/assistant-eval or -Dassistant.eval.dir),
 * skipped when the set is not there. Prints intent and clarification accuracy and every failing case.
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
        ProductIndex index = new ProductIndex();
        for (CatalogProduct p : DevSet.catalog(folder).products()) {
            index.upsert(p, 1);
        }
        IntentParser parser = new IntentParser(index);
        Map<String, SessionContext> sessions = new HashMap<>();
        int intentCases = 0, intentPass = 0, clarifyCases = 0, clarifyPass = 0;
        List<String> failures = new ArrayList<>();
        for (DevSet.Case c : DevSet.cases(folder)) {
            SessionContext session = sessions.computeIfAbsent(c.session(), k -> new SessionContext());
            ParseResult result = parser.parse(c.text(), session);
            boolean pass = DevSet.passes(c, result);
            if (c.clarify()) {
                clarifyCases++;
                clarifyPass += pass ? 1 : 0;
            } else {
                intentCases++;
                intentPass += pass ? 1 : 0;
            }
            if (!pass) {
                failures.add(c.id() + " \"" + c.text() + "\"\n    expected " + (c.clarify() ? "clarify"
                        : DevSet.expected(c)) + "\n    got      " + (result.needsClarification()
                        ? "clarify " + result.question() + " " + result.candidates() : DevSet.actual(result.intents())));
            }
        }
        double intentAccuracy = 100.0 * intentPass / Math.max(1, intentCases);
        double clarifyAccuracy = 100.0 * clarifyPass / Math.max(1, clarifyCases);
        System.out.printf("intent accuracy %.1f%% (%d/%d), clarification accuracy %.1f%% (%d/%d)%n",
                intentAccuracy, intentPass, intentCases, clarifyAccuracy, clarifyPass, clarifyCases);
        failures.forEach(f -> System.out.println("FAIL " + f));
        assertThat(intentAccuracy).as("intent accuracy").isGreaterThanOrEqualTo(95.0);
        assertThat(clarifyAccuracy).as("clarification accuracy").isGreaterThanOrEqualTo(95.0);
    }
}
