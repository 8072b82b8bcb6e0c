package dev.shop.assistant.parser;

import java.util.List;

import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.ProductIndex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "X and a <variant> one" is a further item of X's family; "X, the <variant> one" still refines X. */
class FurtherVariantTest {

    private final ProductIndex index = new ProductIndex();
    private final IntentParser parser = new IntentParser(index);

    FurtherVariantTest() {
        for (String color : List.of("red", "blue", "white")) {
            index.upsert(new CatalogProduct("JUG-" + color.toUpperCase(), "Stoneware Jug", "Potter", "kitchen", color,
                    null, 1500, "A stoneware jug.", List.of("jug")), 1);
        }
        index.upsert(new CatalogProduct("LAMP-1", "Desk Lamp", "Brite", "home", "black", null, 2500, "A lamp.",
                List.of("lamp")), 1);
    }

    @Test
    void indefiniteOneAfterAnItemAddsAnotherVariant() {
        ParseResult result = parser.parse("add a red stoneware jug and a white one", new SessionContext());

        assertThat(result.needsClarification()).isFalse();
        assertThat(result.intents()).containsExactly(Intent.add("JUG-RED", 1), Intent.add("JUG-WHITE", 1));
    }

    @Test
    void numberBeforeOnesKeepsItsQuantity() {
        ParseResult result = parser.parse("add 2 blue jugs and 3 red ones", new SessionContext());

        assertThat(result.intents()).containsExactly(Intent.add("JUG-BLUE", 2), Intent.add("JUG-RED", 3));
    }

    @Test
    void definiteOneStillRefinesTheItem() {
        ParseResult result = parser.parse("add a jug, the white one", new SessionContext());

        assertThat(result.needsClarification()).isFalse();
        assertThat(result.intents()).containsExactly(Intent.add("JUG-WHITE", 1));
    }
}
