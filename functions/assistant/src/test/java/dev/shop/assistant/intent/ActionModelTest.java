package dev.shop.assistant.intent;

import java.util.List;
import java.util.Map;

import dev.shop.assistant.intent.ActionModel.Act;
import dev.shop.assistant.intent.ActionModel.Example;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped action model: prototypes that match their examples, deterministic answers, wording it was not shown. */
class ActionModelTest {

    private final ActionModel model = ActionModel.shared();

    @Test
    void shippedPrototypesAreTheExamplesEmbeddedByTheShippedModel() {
        String text = ActionModel.read(ActionModel.EXAMPLES);
        List<Example> examples = ActionModel.parse(text);
        float[][] shipped = ActionModel.readPrototypes(examples.size(), ActionModel.hash(text));

        assertThat(shipped).as("action-prototypes.bin is stale: run ActionModel.main after changing the examples")
                .isNotNull();
        SentenceEmbeddings embeddings = new SentenceEmbeddings();
        for (int i = 0; i < examples.size(); i += 97) {
            float[] now = embeddings.vector(examples.get(i).text());
            double cosine = 0;
            for (int j = 0; j < now.length; j++) {
                cosine += now[j] * shipped[i][j];
            }
            assertThat(cosine).as("example %d: %s", i, examples.get(i).text()).isGreaterThan(0.9999);
        }
    }

    @Test
    void answersAreTheSameEveryTime() {
        ActionModel.Prediction first = model.classify("could you bin the item please");
        model.clearCache();
        ActionModel.Prediction again = model.classify("could you bin the item please");

        assertThat(again).isEqualTo(first);
    }

    @Test
    void tellsActsOfWordingThatIsNotAnExample() {
        Map<String, Act> unseen = Map.of(
                "i would love to purchase 2 items", Act.BUY,
                "could you delete the item from the order", Act.REMOVE,
                "i need to change the item to 3", Act.SET,
                "what is currently sitting in my cart", Act.VIEW_CART,
                "empty out my entire basket", Act.CLEAR_CART,
                "i would like to pay right now", Act.CHECKOUT,
                "do you happen to sell items", Act.SEARCH,
                "is my parcel with the courier yet", Act.ORDER_STATUS);
        assertThat(model.examples()).extracting(Example::text).doesNotContainAnyElementsOf(unseen.keySet());

        unseen.forEach((text, act) -> assertThat(model.classify(text).act()).as(text).isEqualTo(act));
    }

    @Test
    void theVocabularyIsTheExamplesWordsWithoutThePlaceholder() {
        assertThat(model.vocabulary()).contains("remove", "basket", "checkout").doesNotContain("item", "items");
    }
}
