package dev.shop.assistant.eval;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser on the assistant's own set (src/test/resources/assistant-set): the held-out split has catalogs and,
 * for a share of its requests, wording that training never saw. Prints accuracy per action and the confusion
 * matrix; holds the targets. End-to-end tasks of the split run on the whole stack (localstack's
 * AssistantEvaluationTest).
 */
class AssistantSetEvaluationTest {

    static Path split(String name) {
        try {
            return Path.of(AssistantSetEvaluationTest.class.getResource("/assistant-set/" + name + "/cases.jsonl")
                    .toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void parserReachesTheTargetsOnTheHeldOutSplit() {
        ParserEvaluation.Result result = ParserEvaluation.run(split("held-out"));
        System.out.println("== assistant set, held-out split");
        result.print(System.out);

        assertThat(result.intentAccuracy()).as("intent accuracy; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.97);
        assertThat(result.clarificationAccuracy()).as("clarification accuracy; failures: %s", result.failures())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(result.unseenCases()).as("requests worded as nothing in training").isGreaterThan(100);
    }

    @Test
    void parserFitsItsTrainingSplit() {
        ParserEvaluation.Result result = ParserEvaluation.run(split("train"));

        assertThat(result.intentAccuracy()).as("failures: %s", result.failures()).isGreaterThanOrEqualTo(0.98);
        assertThat(result.clarificationAccuracy()).as("failures: %s", result.failures()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theSetHasMoreThanAThousandUtterances() {
        int utterances = 0;
        for (String name : new String[] {"train", "held-out"}) {
            utterances += DevSet.cases(split(name)).size() + DevSet.tasks(split(name)).size();
        }
        assertThat(utterances).isGreaterThanOrEqualTo(1000);
    }
}
